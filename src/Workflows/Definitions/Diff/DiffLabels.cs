namespace Inburgering.Workflows.Definitions.Diff;

/// <summary>The Dutch words for areas and kinds, as a coordinator reads them in summaries and in the API.</summary>
public static class DiffLabels
{
    /// <summary><c>definitie</c>, <c>activiteit</c>, <c>verbinding</c>, <c>variabele</c> or <c>parameter</c>.</summary>
    public static string Dutch(this DiffArea area) => area switch
    {
        DiffArea.Definition => "definitie",
        DiffArea.Activity => "activiteit",
        DiffArea.Connection => "verbinding",
        DiffArea.Variable => "variabele",
        DiffArea.Parameter => "parameter",
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, null),
    };

    /// <summary><c>toegevoegd</c>, <c>verwijderd</c>, <c>gewijzigd</c> or <c>verplaatst</c>.</summary>
    public static string Dutch(this DiffKind kind) => kind switch
    {
        DiffKind.Added => "toegevoegd",
        DiffKind.Removed => "verwijderd",
        DiffKind.Changed => "gewijzigd",
        DiffKind.Moved => "verplaatst",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The start of a summary line: <c>Activiteit 'brede-intake'</c>, <c>Verbinding start.Verder → wacht</c>, <c>Definitie</c>.</summary>
    internal static string Subject(DiffArea area, string key) => area switch
    {
        DiffArea.Definition => "Definitie",
        DiffArea.Connection => $"Verbinding {key}",
        DiffArea.Activity => $"Activiteit '{key}'",
        DiffArea.Variable => $"Variabele '{key}'",
        DiffArea.Parameter => $"Parameter '{key}'",
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, null),
    };
}

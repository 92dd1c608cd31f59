namespace Inburgering.Workflows.Definitions.Diff;

/// <summary>One added, removed, changed or moved element of a definition.</summary>
/// <param name="Area">Definition, activity, connection, variable or parameter.</param>
/// <param name="Kind">Added, removed, changed or moved.</param>
/// <param name="Key">The activity key, the variable or parameter name, the connection as <c>from.outcome → to</c>, or the definition id.</param>
/// <param name="Settings">For a change or a move: every changed setting. Empty for an added or removed element.</param>
/// <param name="Value">For an added or removed element: the whole element as compact JSON (the new one, or the one removed).</param>
/// <param name="Summary">One Dutch line, e.g. <c>Activiteit 'brede-intake': inputs.deadline gewijzigd van "P10W" naar "P12W"</c>.</param>
public sealed record DefinitionChange(DiffArea Area, DiffKind Kind, string Key, IReadOnlyList<SettingChange> Settings, string? Value, string Summary);

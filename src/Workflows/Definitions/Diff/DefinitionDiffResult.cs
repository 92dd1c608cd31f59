namespace Inburgering.Workflows.Definitions.Diff;

/// <summary>The changes from one definition document to another, in a stable order (definition, variables, parameters, activities, connections).</summary>
public sealed record DefinitionDiffResult(IReadOnlyList<DefinitionChange> Changes)
{
    public int Added => Count(DiffKind.Added);

    public int Removed => Count(DiffKind.Removed);

    public int Changed => Count(DiffKind.Changed);

    /// <summary>Activities moved on the canvas only; not counted in <see cref="Changed"/>.</summary>
    public int Moved => Count(DiffKind.Moved);

    /// <summary>No change of meaning: nothing added, removed or changed (moves aside).</summary>
    public bool IsEquivalent => Added + Removed + Changed == 0;

    private int Count(DiffKind kind) => Changes.Count(c => c.Kind == kind);
}

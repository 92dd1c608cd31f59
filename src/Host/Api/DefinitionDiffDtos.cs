using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Definitions.Diff;

namespace Inburgering.Host.Api;

/// <summary>What changed from version <c>From</c> to version <c>To</c>: the counts and every change, with Dutch areas, kinds and summaries.</summary>
public sealed record DefinitionDiffReport(string Id, DefinitionVersionInfo From, DefinitionVersionInfo To, DefinitionDiffCounts Counts, IReadOnlyList<DefinitionChangeInfo> Changes)
{
    public static DefinitionDiffReport Create(DefinitionVersion from, DefinitionVersion to, DefinitionDiffResult diff) => new(
        from.DefinitionId,
        DefinitionVersionInfo.From(from),
        DefinitionVersionInfo.From(to),
        new DefinitionDiffCounts(diff.Added, diff.Removed, diff.Changed, diff.Moved),
        [.. diff.Changes.Select(DefinitionChangeInfo.From)]);
}

/// <summary>Moves on the canvas are counted apart: they do not change what the werkstroom does.</summary>
public sealed record DefinitionDiffCounts(int Added, int Removed, int Changed, int Moved);

/// <param name="Area"><c>definitie</c>, <c>activiteit</c>, <c>verbinding</c>, <c>variabele</c> or <c>parameter</c>.</param>
/// <param name="Kind"><c>toegevoegd</c>, <c>verwijderd</c>, <c>gewijzigd</c> or <c>verplaatst</c>.</param>
public sealed record DefinitionChangeInfo(string Area, string Kind, string Key, string Summary, IReadOnlyList<SettingChange> Settings, string? Value)
{
    public static DefinitionChangeInfo From(DefinitionChange c) => new(c.Area.Dutch(), c.Kind.Dutch(), c.Key, c.Summary, c.Settings, c.Value);
}

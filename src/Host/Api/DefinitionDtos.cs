using System.Text.Json.Nodes;
using Inburgering.Workflows.Definitions;

namespace Inburgering.Host.Api;

public sealed record DefinitionSummary(string Id, string Name, int LatestVersion, int? PublishedVersion, bool HasDraft, DateTime UpdatedAt, string? UpdatedBy);

public sealed record DefinitionVersionInfo(
    string Id, int Version, string Status, string Name, DateTime CreatedAt, DateTime UpdatedAt, string? UpdatedBy,
    DateTime? PublishedAt, string? PublishedBy, string ContentHash)
{
    public static DefinitionVersionInfo From(DefinitionVersion v) =>
        new(v.DefinitionId, v.Version, v.Status.ToString(), v.Name, v.CreatedAtUtc, v.UpdatedAtUtc, v.UpdatedBy, v.PublishedAtUtc, v.PublishedBy, v.ContentHash);
}

public sealed record DefinitionDocument(DefinitionVersionInfo Info, JsonNode? Document);

public sealed record ValidationReport(bool Valid, IReadOnlyList<DefinitionError> Errors);

public sealed record DraftSaved(DefinitionVersionInfo Info, IReadOnlyList<DefinitionError> Errors);

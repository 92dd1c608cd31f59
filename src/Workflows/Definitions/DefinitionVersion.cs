namespace Inburgering.Workflows.Definitions;

/// <summary>
/// One stored version of a definition. At most one version per definition is a Draft (the one being edited);
/// published versions are immutable and instances keep running on the version they started on.
/// </summary>
public sealed class DefinitionVersion
{
    public required string DefinitionId { get; set; }

    public int Version { get; set; }

    public DefinitionStatus Status { get; set; }

    public required string Name { get; set; }

    /// <summary>The definition document as saved.</summary>
    public required string Json { get; set; }

    /// <summary>SHA-256 of the canonical document, so re-seeding an unchanged file makes no new version.</summary>
    public required string ContentHash { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    public string? PublishedBy { get; set; }

    /// <summary>Concurrency token: two saves of one draft cannot both win.</summary>
    public int Revision { get; set; }
}

public enum DefinitionStatus
{
    Draft,
    Published,
}

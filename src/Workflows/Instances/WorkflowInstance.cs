namespace Inburgering.Workflows.Instances;

/// <summary>
/// One run of a definition version (e.g. one person's klantreis). Changed only by bursts, under the <see cref="Version"/>
/// concurrency token: a burst that read an older version loses and is retried on fresh state.
/// </summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }

    public required string DefinitionId { get; set; }

    public int DefinitionVersion { get; set; }

    public InstanceStatus Status { get; set; }

    /// <summary>Business key events can be delivered by (a pseudonymous klantreis id, never a BSN).</summary>
    public string? CorrelationKey { get; set; }

    /// <summary>Variables as a JSON object.</summary>
    public string VariablesJson { get; set; } = "{}";

    /// <summary>Per-activity state (e.g. a Join's arrived branches) as a JSON object keyed by activity key.</summary>
    public string ActivityStateJson { get; set; } = "{}";

    /// <summary>Last journal sequence number used; journal entries are numbered 1, 2, 3… per instance.</summary>
    public int JournalSequence { get; set; }

    public int OpenIncidents { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>
    /// Set when the instance ended by an End that erases (retention, Besluit 9.9): the retention sweep then erases its
    /// records (<c>Retention/RetentionSweep</c>). Null for every other instance.
    /// </summary>
    public DateTime? EraseRequestedAtUtc { get; set; }

    /// <summary>Optimistic concurrency token, incremented by every burst (an int works on both providers; xmin does not on SQLite).</summary>
    public int Version { get; set; }

    /// <summary>A shallow copy (every member is a value or an immutable string): what a store hands out or keeps.</summary>
    internal WorkflowInstance Copy() => (WorkflowInstance)MemberwiseClone();
}

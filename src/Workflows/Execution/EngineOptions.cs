using System.ComponentModel.DataAnnotations;

namespace Inburgering.Workflows.Execution;

/// <summary>Limits of the runtime. Bound from the <c>Engine</c> configuration section and validated at start-up.</summary>
public sealed class EngineOptions
{
    public const string SectionName = "Engine";

    /// <summary>
    /// Activities one burst may run before it is stopped with an incident. Validation already rejects loops that never
    /// wait; this guards against the ones it cannot see (a Decision that keeps choosing the same branch). Default 10,000.
    /// </summary>
    [Range(10, 1_000_000)]
    public int MaxStepsPerBurst { get; set; } = 10_000;

    /// <summary>How often a burst that lost an optimistic-concurrency race is retried on fresh state. Default 25.</summary>
    [Range(1, 1000)]
    public int MaxBurstAttempts { get; set; } = 25;

    /// <summary>
    /// Starts committed together at most when several arrive at once (group commit: one transaction for the group, each
    /// start still its own burst). Default 32.
    /// </summary>
    [Range(1, 1000)]
    public int StartGroupSize { get; set; } = 32;

    /// <summary>
    /// Groups of starts committing at once; further starts wait and form the next group. Default 1: since a group of
    /// starts is one round trip on PostgreSQL, larger groups (fewer commits) beat overlapping smaller ones (bench P1).
    /// </summary>
    [Range(1, 64)]
    public int StartGroupParallelism { get; set; } = 1;
}

using System.ComponentModel.DataAnnotations;

namespace Inburgering.Workflows.Outbox;

/// <summary>How the outbox dispatcher works (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Rows claimed per round.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Instances whose messages are published at once; each instance's messages go one after another, in order. Each
    /// publish waits for the broker's confirm (3–8 ms on a quiet machine, 100+ ms under load), so this bounds the rate at
    /// about Parallelism ÷ confirm time: P8 measured 32 as the bottleneck (p99 15–18 s) and 128 far better (2.4 s).
    /// </summary>
    [Range(1, 1024)]
    public int Parallelism { get; set; } = 256;

    /// <summary>How often to look for rows written by other Hosts (this Host's own commits wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A claim's lease; a Host that dies mid-round leaves its rows to others after this.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one publish may take before it counts as failed (e.g. the broker is down).</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First retry delay after a failed publish; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Published rows are kept this long (to answer "was the partner told?"), then deleted.</summary>
    public TimeSpan RetainPublished { get; set; } = TimeSpan.FromDays(30);
}

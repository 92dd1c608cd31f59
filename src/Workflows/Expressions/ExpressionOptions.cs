namespace Inburgering.Workflows.Expressions;

/// <summary>
/// Sandbox limits and settings for workflow expressions. Bound from the <c>Expressions</c> configuration section.
/// The defaults are sized for one-line conditions and computed inputs: generous for those, fatal for runaway scripts.
/// </summary>
public sealed class ExpressionOptions
{
    public const string SectionName = "Expressions";

    /// <summary>Wall-clock budget for one evaluation. Default: 500 ms.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Maximum number of JavaScript statements one evaluation may execute. Default: 10,000.</summary>
    public int MaxStatements { get; set; } = 10_000;

    /// <summary>
    /// Maximum bytes one evaluation may allocate. Default: 4 MB (4,194,304 bytes).
    /// Checked between statements, so a single built-in call (e.g. <c>'x'.repeat(n)</c>) can overshoot once before it is stopped.
    /// </summary>
    public long MemoryLimitBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Maximum depth of nested JavaScript function calls. Default: 64.</summary>
    public int RecursionLimit { get; set; } = 64;

    /// <summary>
    /// IANA time zone that JavaScript <c>Date</c> uses for local time (<c>getHours()</c>, <c>toString()</c>).
    /// Default: <c>Europe/Amsterdam</c>, because every deadline in the Wet inburgering 2021 is Dutch local time.
    /// </summary>
    public string TimeZoneId { get; set; } = "Europe/Amsterdam";

    /// <summary>
    /// How many distinct parsed expressions are kept. Default: 10,000. When full, the least recently used tenth is dropped.
    /// </summary>
    public int CacheSize { get; set; } = 10_000;

    /// <summary>Returns every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(Timeout)} must be positive (was {Timeout}).");
        }
        else if (Timeout > TimeSpan.FromMinutes(1))
        {
            // Expressions run inside workflow steps; a minute-long expression is a definition bug, not a limit to allow.
            problems.Add($"{nameof(Timeout)} must be at most one minute (was {Timeout}).");
        }

        if (MaxStatements <= 0)
        {
            problems.Add($"{nameof(MaxStatements)} must be positive (was {MaxStatements}).");
        }

        if (MemoryLimitBytes <= 0)
        {
            problems.Add($"{nameof(MemoryLimitBytes)} must be positive (was {MemoryLimitBytes}).");
        }

        if (RecursionLimit <= 0)
        {
            problems.Add($"{nameof(RecursionLimit)} must be positive (was {RecursionLimit}).");
        }

        if (CacheSize <= 0)
        {
            problems.Add($"{nameof(CacheSize)} must be positive (was {CacheSize}).");
        }

        if (string.IsNullOrWhiteSpace(TimeZoneId))
        {
            problems.Add($"{nameof(TimeZoneId)} must name a time zone.");
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _))
        {
            problems.Add($"{nameof(TimeZoneId)} '{TimeZoneId}' is not a time zone known to this machine.");
        }

        return problems;
    }
}

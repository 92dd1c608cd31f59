using System.ComponentModel.DataAnnotations;

namespace Inburgering.Workflows.Timers;

/// <summary>How timers are fired. Bound from the <c>Timers</c> section and validated at start-up.</summary>
public sealed class TimerOptions
{
    public const string SectionName = "Timers";

    /// <summary>Timers claimed per round by one dispatcher (larger rounds keep the groups flowing in a storm). Default 1000.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>Groups fired at once by one dispatcher (4 measured best on 2 cores: 12.1 s for a 10,000-timer storm against 13.0 s with 2). Default 4.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;

    /// <summary>
    /// Timers of different instances fired in one transaction. A storm (10,000 reminders at 08:00) then costs a commit per
    /// group, not per timer; a group that loses a race falls back to one transaction per timer. Default 50.
    /// </summary>
    [Range(1, 1000)]
    public int GroupSize { get; set; } = 50;

    /// <summary>How long a claim holds before another dispatcher may take the timer (a crashed Host's claim runs out). Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Cron of the recurring safety-net sweep (Hangfire; six fields = with seconds). Default every minute. The sweep fires
    /// whatever a lost wake-up missed, so this is the worst-case lateness after a crash.
    /// </summary>
    [Required]
    public string SweepCron { get; set; } = "* * * * *";

    /// <summary>Local time of day at which reminders before a deadline go out (office hours). Default 08:00.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:00")]
    public TimeSpan ReminderTimeOfDay { get; set; } = TimeSpan.FromHours(8);
}

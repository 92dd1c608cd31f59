using Hangfire;
using Inburgering.Workflows.Timers;

namespace Inburgering.Host.Scheduling;

/// <summary>
/// The Hangfire jobs that drive the engine's timers. They carry no timer data: each only wakes the dispatcher, which
/// reads the due timer rows. So a duplicate, late or lost job can neither fire a timer twice nor lose one.
/// </summary>
public sealed class TimerJobs(TimerDispatcher dispatcher)
{
    public const string SweepJobId = "timers-sweep";

    /// <summary>Scheduled at the earliest due time of timers a burst created.</summary>
    [AutomaticRetry(Attempts = 3)]
    public Task WakeAsync(CancellationToken cancellationToken) => dispatcher.FireDueAsync(cancellationToken);

    /// <summary>Recurring safety net, and once at start-up: fires whatever a lost wake-up (or an in-memory scheduler's restart) missed.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    public Task SweepAsync(CancellationToken cancellationToken) => dispatcher.FireDueAsync(cancellationToken);
}

using Hangfire;
using Inburgering.Workflows.Timers;

namespace Inburgering.Host.Scheduling;

/// <summary>
/// The Hangfire jobs that drive the engine's timers. They carry no timer data: each only wakes the dispatcher, which
/// reads the due timer rows. So a duplicate, late or lost job can neither fire a timer twice nor lose one.
/// </summary>
public sealed class TimerJobs(TimerDispatcher dispatcher, TimeProvider time)
{
    /// <summary>How far ahead a wake job waits for a timer it arrived a little early for (Hangfire may start a job up to ~1 s early).</summary>
    private static readonly TimeSpan EarlyStartTolerance = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan WaitMargin = TimeSpan.FromMilliseconds(15);

    public const string SweepJobId = "timers-sweep";

    /// <summary>Scheduled at the earliest due time of timers a burst created.</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task WakeAsync(CancellationToken cancellationToken)
    {
        await dispatcher.FireDueAsync(cancellationToken);
        // Hangfire stores whole seconds and may start a job early: if a timer is due in a moment, wait for it rather
        // than leave it to the next sweep (up to a minute later). The margin covers timer resolution (a delay may end a
        // hair before the due instant, which then is not yet due).
        for (var round = 0; round < 5; round++)
        {
            var next = await dispatcher.NextDueAsync(cancellationToken);
            var wait = next - time.GetUtcNow();
            if (wait is null || wait > EarlyStartTolerance)
            {
                return;
            }
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait.Value + WaitMargin, time, cancellationToken);
            }
            await dispatcher.FireDueAsync(cancellationToken);
        }
    }

    /// <summary>Recurring safety net, and once at start-up: fires whatever a lost wake-up (or an in-memory scheduler's restart) missed.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    public Task SweepAsync(CancellationToken cancellationToken) => dispatcher.FireDueAsync(cancellationToken);
}

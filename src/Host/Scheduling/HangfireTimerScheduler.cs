using System.Collections.Concurrent;
using Hangfire;
using Inburgering.Workflows.Timers;

namespace Inburgering.Host.Scheduling;

/// <summary>
/// Wakes the dispatcher through a Hangfire delayed job at the earliest new due time. Jobs are deduplicated per due
/// second in this process, so the number of Hangfire jobs follows distinct moments, not timers (one Hangfire job costs
/// ~25 database transactions; a storm of 10,000 reminders due at 08:00 costs one job).
/// </summary>
internal sealed class HangfireTimerScheduler(IBackgroundJobClient jobs, TimeProvider time) : ITimerScheduler
{
    private readonly ConcurrentDictionary<long, byte> _scheduledSeconds = new();

    public void WakeAt(DateTimeOffset dueAt)
    {
        var second = dueAt.ToUnixTimeSeconds();
        // Only a wake-up still in the future can be shared; one for a moment that has passed may already have run.
        var shareable = second > time.GetUtcNow().ToUnixTimeSeconds();
        if (shareable && !_scheduledSeconds.TryAdd(second, 0))
        {
            return;
        }
        try
        {
            // Hangfire stores whole seconds, polls its schedule once a second and may start a job early. So the job is
            // scheduled a second ahead and waits the last moment for its timer itself (TimerJobs.WakeAsync): the
            // poll's delay is spent before the due time instead of after it.
            jobs.Schedule<TimerJobs>(j => j.WakeAsync(CancellationToken.None), DateTimeOffset.FromUnixTimeSeconds(second - 1));
        }
        catch
        {
            _scheduledSeconds.TryRemove(second, out _);
            throw;
        }
        Prune();
    }

    private void Prune()
    {
        var past = time.GetUtcNow().ToUnixTimeSeconds() - 60;
        foreach (var second in _scheduledSeconds.Keys.Where(s => s < past))
        {
            _scheduledSeconds.TryRemove(second, out _);
        }
    }
}

using System.Collections.Concurrent;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Timers;

namespace Inburgering.Simulation.Timeline;

/// <summary>
/// Remembers the deadline of every wait opened in a private engine (a try-out), so the timeline can explain the
/// deadline of a step that is not a partner task — a WaitForEvent with a deadline — after its wait row is gone. Register
/// it as an <see cref="IWaitObserver"/> of that engine only; it adds no rows. A burst that is discarded and run again
/// opens its wait again at the same moment, so the last one recorded for an activity and moment wins.
/// </summary>
public sealed class WaitDeadlineRecorder : IWaitObserver
{
    private readonly ConcurrentDictionary<(string ActivityKey, DateTime OpenedAtUtc), DeadlineRecord> _deadlines = new();

    public ValueTask OnWaitOpenedAsync(WaitOpenedArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (DeadlineRecord.Parse(arguments.Wait.DeadlineJson) is { } deadline)
        {
            _deadlines[(arguments.Wait.ActivityKey, arguments.Wait.CreatedAtUtc)] = deadline;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask OnWaitClosedAsync(WaitClosedArguments arguments) => ValueTask.CompletedTask;

    /// <summary>The deadline of the wait at <paramref name="activityKey"/> open at <paramref name="atUtc"/> (the latest opened by then).</summary>
    public DeadlineRecord? Find(string activityKey, DateTime atUtc) => _deadlines
        .Where(p => p.Key.ActivityKey == activityKey && p.Key.OpenedAtUtc <= atUtc)
        .OrderByDescending(p => p.Key.OpenedAtUtc)
        .Select(p => p.Value)
        .FirstOrDefault();
}

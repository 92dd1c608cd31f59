using Inburgering.Workflows.Timers;

namespace Inburgering.Workflows.Execution;

public sealed partial class WorkflowRunner
{
    /// <summary>
    /// Fires due timers of different instances as one group: one read of their instances, waits and timers, a burst per
    /// instance, and ONE commit for all of them. A storm of reminders due at 08:00 then costs a commit per group instead of
    /// per timer. If the group's commit loses any race (a user's event on one of the instances), nothing of it commits
    /// and every timer is fired on its own instead — each burst keeps its exactly-once guarantee either way.
    /// </summary>
    internal async Task FireTimerGroupAsync(IReadOnlyList<ClaimedTimer> group, CancellationToken cancellationToken)
    {
        if (group.Count == 1 || !await TryFireTogetherAsync(group, cancellationToken))
        {
            foreach (var timer in group)
            {
                await FireTimerAsync(timer.Id, cancellationToken);
            }
        }
    }

    /// <summary>Fires the group in one transaction; false (nothing committed) when it could not.</summary>
    internal async Task<bool> TryFireTogetherAsync(IReadOnlyList<ClaimedTimer> group, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = await store.OpenAsync(cancellationToken);
            var instanceIds = group.Select(t => t.InstanceId).Distinct().ToList();
            var instances = (await session.FindInstancesAsync(instanceIds, cancellationToken)).ToDictionary(i => i.Id);
            var waits = InOpeningOrder(await session.WaitsOfAsync(instanceIds, cancellationToken)).ToLookup(w => w.InstanceId);
            var timers = (await session.TimersOfInstancesAsync(instanceIds, cancellationToken)).ToDictionary(t => t.Id);
            var now = time.GetUtcNow();
            foreach (var claimed in group)
            {
                if (!timers.TryGetValue(claimed.Id, out var timer) || !instances.TryGetValue(claimed.InstanceId, out var instance)
                    || instance.Status is Instances.InstanceStatus.Completed or Instances.InstanceStatus.Cancelled)
                {
                    continue; // gone (fired or cancelled) or finished: nothing to do, as in the single path
                }
                var definition = await catalog.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
                var burst = new Burst(session, instance, definition, [.. waits[instance.Id]], expressions, _observers, now, _options.MaxStepsPerBurst);
                foreach (var wait in burst.OpenWaits)
                {
                    burst.TimersTrackedFor.Add(wait.Id);
                }
                session.Remove(timer);
                if (burst.OpenWaits.FirstOrDefault(w => w.Id == timer.WaitId) is { } open)
                {
                    await ApplyTimerAsync(burst, timer, open);
                }
                burst.Finish();
            }
            var wakeUps = session.AddedTimerDueTimes();
            await session.CommitAsync(cancellationToken);
            ScheduleWakeUp(wakeUps);
            return true;
        }
#pragma warning disable CA1031 // any failure of the group (a lost race, one bad timer) falls back to one burst per timer
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogGroupFallback(ex, group.Count);
            return false; // nothing of the group committed; fire one by one, so one bad timer fails alone
        }
    }
}

/// <summary>A timer a dispatcher claimed, with its instance (so firing needs no lookup).</summary>
/// <param name="DueAtUtc">When it is due; with <paramref name="CreatedAtUtc"/> it orders the timers of one instance.</param>
public sealed record ClaimedTimer(Guid Id, Guid InstanceId, DateTime DueAtUtc = default, DateTime CreatedAtUtc = default);

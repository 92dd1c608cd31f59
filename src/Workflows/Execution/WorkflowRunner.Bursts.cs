using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Stores;

namespace Inburgering.Workflows.Execution;

public sealed partial class WorkflowRunner
{
    /// <summary>
    /// The burst loop. Guarantee: either everything <paramref name="apply"/> changed commits in one transaction with the
    /// instance's Version incremented from the value read, or nothing does and the whole burst runs again on fresh state.
    /// </summary>
    private async Task<BurstOutcome> RunBurstAsync(
        Guid instanceId, string trigger, Func<Burst, Task<bool>> apply, CancellationToken cancellationToken, bool allowFinished = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = await store.OpenAsync(cancellationToken);
            var instance = await session.FindInstanceAsync(instanceId, cancellationToken);
            if (instance is null)
            {
                return BurstOutcome.NotFound();
            }
            if (!allowFinished && instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
            {
                return BurstOutcome.Ignored($"The instance is {instance.Status}.", instance.Status);
            }
            var definition = await catalog.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
            var waits = InOpeningOrder(await session.WaitsOfAsync([instanceId], cancellationToken));
            var burst = new Burst(session, instance, definition, waits, expressions, _observers, time.GetUtcNow(), _options.MaxStepsPerBurst);

            if (!await apply(burst))
            {
                return BurstOutcome.Ignored("Nothing to do: the wait is no longer open.", instance.Status);
            }
            burst.Finish();
            var wakeUps = session.AddedTimerDueTimes();
            try
            {
                await session.CommitAsync(cancellationToken);
                ScheduleWakeUp(wakeUps);
                LogBurst(instanceId, trigger, instance.Status);
                return BurstOutcome.Applied(instance.Status);
            }
            catch (StoreConflictException) when (attempt < _options.MaxBurstAttempts)
            {
                // Lost the race (Version changed, the pending event or wait we took is gone, or a journal sequence
                // clashed): nothing of this burst committed. Back off a little and run it again on fresh state.
                LogRetry(instanceId, trigger, attempt);
                await BackOffAsync(attempt, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A short random pause before a lost burst runs again. Real time on purpose: it spaces out competing writers and
    /// must not wait for a fake clock.
    /// </summary>
    private static Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * Math.Min(attempt, 10))), cancellationToken);

    /// <summary>
    /// Waits in a fixed order (opened first; then by key, ordinally, in memory so both databases agree): an event that
    /// resumes several waits, or a termination that cancels them all, then does the same in every run.
    /// </summary>
    private static List<WorkflowWait> InOpeningOrder(List<WorkflowWait> waits) =>
        waits.OrderBy(w => w.CreatedAtUtc).ThenBy(w => w.ActivityKey, StringComparer.Ordinal).ThenBy(w => w.Id).ToList();
}

/// <summary>What a trigger did to an instance.</summary>
public sealed record BurstOutcome(BurstOutcomeKind Kind, InstanceStatus? Status, string? Reason)
{
    public static BurstOutcome Applied(InstanceStatus status) => new(BurstOutcomeKind.Applied, status, null);

    public static BurstOutcome Ignored(string reason, InstanceStatus? status = null) => new(BurstOutcomeKind.Ignored, status, reason);

    public static BurstOutcome NotFound() => new(BurstOutcomeKind.NotFound, null, "No instance with that id.");
}

public enum BurstOutcomeKind
{
    Applied,
    Ignored,
    NotFound,
}

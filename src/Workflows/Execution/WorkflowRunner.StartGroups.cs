using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Stores;
using Microsoft.Extensions.Logging;

namespace Inburgering.Workflows.Execution;

public sealed partial class WorkflowRunner
{
    private StartGroupGate? _startGate;

    /// <summary>Starts waiting for the next group.</summary>
    internal int StartsWaitingForGroup => _startGate?.Waiting ?? 0;

    private int _startGroupsRunAgain;

    /// <summary>Groups that assumed no event was kept for their keys, found one at their commit and ran again reading first.</summary>
    internal int StartGroupsRunAgain => Volatile.Read(ref _startGroupsRunAgain);

    /// <summary>
    /// Hands a start to the gate and waits for its group. When no start is committing, the group is just this start and
    /// runs at once; starts that arrive while groups are committing wait for the next free slot and commit together.
    /// </summary>
    private Task<WorkflowInstance> JoinStartGroupAsync(PendingStart start)
    {
        var gate = LazyInitializer.EnsureInitialized(ref _startGate,
            () => new StartGroupGate(_options.StartGroupSize, _options.StartGroupParallelism, StartGroupAsync));
        gate.Add(start);
        return start.Done.Task;
    }

    /// <summary>
    /// Commits a group of starts: all in ONE transaction (one read of pending events for their correlation keys, a burst
    /// per start, one commit), as the timer dispatcher does for timers. If that fails for any reason (a lost race for a
    /// pending event, one bad start), nothing of it committed and every start runs alone with the usual retries, so
    /// each caller gets its own instance or its own exception. Never throws: every member's task is completed.
    /// </summary>
    private async Task StartGroupAsync(IReadOnlyList<PendingStart> group)
    {
        if (await TryStartTogetherAsync(group))
        {
            return;
        }
        foreach (var start in group)
        {
            try
            {
                start.Done.TrySetResult(await StartAloneAsync(start, start.CancellationToken));
            }
            catch (OperationCanceledException ex)
            {
                start.Done.TrySetCanceled(ex.CancellationToken);
            }
#pragma warning disable CA1031 // the exception belongs to this caller; it is handed to it, not swallowed
            catch (Exception ex)
#pragma warning restore CA1031
            {
                start.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// Starts the group in one transaction; false (nothing committed) when it could not. First assuming, where the store
    /// checks that at the commit, that no event is kept for the group's keys; if one is, once more reading them first.
    /// True also when the commit's outcome is unknown: then every caller gets that error instead of a second try.
    /// </summary>
    private async Task<bool> TryStartTogetherAsync(IReadOnlyList<PendingStart> group, bool assumeNothingKept = true)
    {
        try
        {
            // No caller's token: one caller giving up must not fail the others. A cancelled caller is left out before
            // the group forms (StartGroupGate), and honoured again if the group falls back to single starts.
            await using var session = await store.OpenForStartsAsync();
            var pending = new GroupPendingEvents(session, group, assumeNothingKept);
            var instances = new List<WorkflowInstance>(group.Count);
            foreach (var start in group)
            {
                var (instance, burst) = BeginStart(session, start, time.GetUtcNow());
                burst.LoadPendingEventsFrom(() => pending.ForKeyAsync(start.CorrelationKey));
                await RunStartAsync(burst, start.StartAt);
                instances.Add(instance);
            }
            var wakeUps = session.AddedTimerDueTimes();
            await pending.CommitAndLookAgainAsync();
            ScheduleWakeUp(wakeUps);
            for (var i = 0; i < group.Count; i++)
            {
                LogBurst(instances[i].Id, "start", instances[i].Status);
                group[i].Done.TrySetResult(instances[i]);
            }
            return true;
        }
        catch (CommitOutcomeUnknownException unknown)
        {
            // The group may have committed: starting its members again could start each klantreis twice. Each caller
            // gets the error, as from a database timeout, and decides.
            foreach (var start in group)
            {
                start.Done.TrySetException(unknown);
            }
            return true;
        }
        catch (KeptEventsFoundException) when (assumeNothingKept)
        {
            Interlocked.Increment(ref _startGroupsRunAgain);
            return await TryStartTogetherAsync(group, assumeNothingKept: false);
        }
#pragma warning disable CA1031 // any failure of the group (a lost race, one bad start) falls back to one transaction per start
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (group.Count > 1)
            {
                LogStartGroupFallback(ex, group.Count); // a single start's failure is its caller's, retried or thrown below
            }
            return false;
        }
    }

    /// <summary>Adds a new instance to <paramref name="session"/> and prepares its first burst (not run yet).</summary>
    private (WorkflowInstance Instance, Burst Burst) BeginStart(IStoreSession session, PendingStart start, DateTimeOffset now)
    {
        var definition = start.Definition;
        var instance = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(now),
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            CorrelationKey = start.CorrelationKey,
            Status = InstanceStatus.Running,
            VariablesJson = start.VariablesJson,
            CreatedAtUtc = now.UtcDateTime,
            UpdatedAtUtc = now.UtcDateTime,
        };
        session.Add(instance);
        var burst = new Burst(session, instance, definition, [], expressions, _observers, now, _options.MaxStepsPerBurst) { IsNewInstance = true };
        return (instance, burst);
    }

    /// <summary>
    /// The first burst of a new instance: journal the start, run from the Start activity (or the activities a taken-over
    /// klantreis is at) to the first waits.
    /// </summary>
    private static async Task RunStartAsync(Burst burst, IReadOnlyList<CompiledNode> startAt)
    {
        var arrivedElsewhere = StartPoints.ArrivedElsewhere(burst.Definition, startAt);
        burst.Journal(JournalKind.InstanceStarted, message: StartPoints.Describe(burst.Definition, startAt, arrivedElsewhere));
        if (arrivedElsewhere.Count > 0)
        {
            burst.ActivityState[StartPoints.ArrivedElsewhereKey] = StartPoints.Record(arrivedElsewhere);
        }
        foreach (var node in startAt)
        {
            burst.Schedule(node, arrivedBy: null);
        }
        await burst.RunAsync();
        burst.Finish();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A group of {Count} starts could not commit together; starting them one by one")]
    private partial void LogStartGroupFallback(Exception exception, int count);
}

/// <summary>A start waiting for its group: what to start, and the caller's task.</summary>
internal sealed class PendingStart(
    WorkflowDefinition definition, IReadOnlyList<CompiledNode> startAt, string variablesJson, string? correlationKey, CancellationToken cancellationToken)
{
    public WorkflowDefinition Definition { get; } = definition;

    /// <summary>The Start activity, or the activities a taken-over klantreis begins at.</summary>
    public IReadOnlyList<CompiledNode> StartAt { get; } = startAt;

    public string VariablesJson { get; } = variablesJson;

    public string? CorrelationKey { get; } = correlationKey;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>
    /// False when the group looked, after its commit, for events kept under this start's correlation key and found none:
    /// then the start need not look again on its own (see DeliverEventsKeptForKeyAsync).
    /// </summary>
    public bool EventsMayBeKept { get; set; } = true;

    /// <summary>Continuations run on the thread pool, so a caller's code never runs inside another group's commit.</summary>
    public TaskCompletionSource<WorkflowInstance> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// The events kept for a group's correlation keys. A new instance can only have events kept under its key: nothing can
/// address its id yet. Where the store can (<see cref="IStoreSession.CheckNothingKeptAtCommit"/>), the group assumes
/// nothing is kept and the commit checks it — one round trip for the whole group instead of three; a group that finds
/// an event kept after all commits nothing and runs once more, reading first. Elsewhere they are read in one query
/// (oldest first) the first time a start needs them.
/// </summary>
internal sealed class GroupPendingEvents(IStoreSession session, IReadOnlyList<PendingStart> group, bool assumeNothingKept)
{
    private readonly string[] _keys = group.Select(s => s.CorrelationKey).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
    private Dictionary<string, List<PendingEvent>>? _byKey;

    /// <summary>The same list for every start with this key, so claiming from it is visible to the others.</summary>
    public async Task<List<PendingEvent>> ForKeyAsync(string? key)
    {
        if (key is null)
        {
            return []; // nothing can be kept for an instance without a key that does not exist yet
        }
        if (_byKey is null)
        {
            _byKey = _keys.ToDictionary(k => k, _ => new List<PendingEvent>(), StringComparer.Ordinal);
            if (!assumeNothingKept || !session.CheckNothingKeptAtCommit(_keys))
            {
                foreach (var row in await session.PendingEventsAsync(null, _keys))
                {
                    _byKey[row.CorrelationKey!].Add(row);
                }
            }
        }
        return _byKey[key];
    }

    /// <summary>
    /// Commits the group, then looks again — after the commit, in its round trip where the store can — to close the race
    /// with a delivery that kept an event for one of the group's keys while the group ran
    /// (WorkflowRunner.DeliverEventsKeptForKeyAsync): one look for the whole group instead of one per start. Starts whose
    /// key has nothing kept are marked so they skip their own look; if the look failed, every start looks on its own.
    /// </summary>
    public async Task CommitAndLookAgainAsync()
    {
        if (await session.CommitThenFindKeptKeysAsync(_keys) is not { } kept)
        {
            return;
        }
        foreach (var start in group)
        {
            start.EventsMayBeKept = start.CorrelationKey is { } key && kept.Contains(key);
        }
    }
}

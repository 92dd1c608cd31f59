using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;

namespace Inburgering.Workflows.Stores;

/// <summary>
/// One unit of work on an <see cref="IWorkflowStore"/>: a burst (or a group of bursts committed together). What the
/// <c>Find…</c>/<c>…Of…</c> reads return belongs to the unit — change it in place and the change commits with it;
/// <see cref="Add{T}"/> and <see cref="Remove{T}"/> add and delete rows. Nothing is visible to others before
/// <see cref="CommitAsync"/>, and a unit that is disposed without committing leaves no trace. The <c>Read…</c> and
/// lookup methods return copies that do not belong to the unit.
/// </summary>
public interface IStoreSession : IAsyncDisposable
{
    // ---- reads that belong to the unit ----

    Task<WorkflowInstance?> FindInstanceAsync(Guid id, CancellationToken cancellationToken = default);

    Task<List<WorkflowInstance>> FindInstancesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>The open waits of these instances, in no particular order.</summary>
    Task<List<WorkflowWait>> WaitsOfAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken = default);

    Task<List<WorkflowTimer>> TimersOfInstancesAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken = default);

    /// <summary>The timer and the other timers of its wait (its reminders, deadline, escalation); empty when it is gone.</summary>
    Task<List<WorkflowTimer>> TimerWithSiblingsAsync(Guid timerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The timers of a wait as this unit sees them: stored ones not removed here, and ones added here.
    /// <paramref name="alreadyLoaded"/>: this unit already read all of them (a store may skip its query).
    /// </summary>
    Task<List<WorkflowTimer>> TimersOfWaitAsync(Guid waitId, bool alreadyLoaded, CancellationToken cancellationToken = default);

    /// <summary>A partner task, the one this unit already holds or added if so.</summary>
    Task<PartnerTask?> FindTaskAsync(Guid id, CancellationToken cancellationToken = default);

    Task<Incident?> FindIncidentAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Kept events, oldest first: those kept for <paramref name="instanceId"/> (when given) and those kept under one of
    /// <paramref name="correlationKeys"/> for no instance yet.
    /// </summary>
    Task<List<PendingEvent>> PendingEventsAsync(Guid? instanceId, IReadOnlyCollection<string> correlationKeys, CancellationToken cancellationToken = default);

    /// <summary>True when this unit removed the row (e.g. a kept event another wait of the same burst claimed first).</summary>
    bool IsRemoved(object row);

    // ---- lookups: copies, not part of the unit ----

    Task<PartnerTask?> ReadTaskAsync(Guid id, CancellationToken cancellationToken = default);

    Task<Guid?> InstanceOfWaitAsync(Guid waitId, CancellationToken cancellationToken = default);

    Task<Guid?> InstanceOfTimerAsync(Guid timerId, CancellationToken cancellationToken = default);

    Task<Guid?> InstanceOfIncidentAsync(Guid incidentId, CancellationToken cancellationToken = default);

    /// <summary>The Running or Faulted instances with this correlation key, oldest first.</summary>
    Task<List<Guid>> LiveInstancesWithKeyAsync(string correlationKey, CancellationToken cancellationToken = default);

    Task<bool> IsProcessedAsync(string messageId, string receiver, CancellationToken cancellationToken = default);

    /// <summary>Which of these correlation keys have events kept for no instance yet.</summary>
    Task<HashSet<string>> KeysWithPendingEventsAsync(IReadOnlyCollection<string> correlationKeys, CancellationToken cancellationToken = default);

    // ---- for units of starts: reads folded into the commit ----

    /// <summary>
    /// Instead of reading the events kept for <paramref name="correlationKeys"/> now, lets the commit check that none
    /// is kept and fail with <see cref="KeptEventsFoundException"/>, committing nothing, when one is. True when this store
    /// does that (the caller then assumes nothing is kept); false when it does not and the caller must read them. Saves
    /// a round trip for a group of new instances, for which almost never anything is kept.
    /// </summary>
    bool CheckNothingKeptAtCommit(IReadOnlyCollection<string> correlationKeys) => false;

    /// <summary>
    /// Commits as <see cref="CommitAsync"/>, then says which of <paramref name="correlationKeys"/> have events kept for
    /// no instance — read after the commit, so it sees what others kept meanwhile — in the commit's own round trip where
    /// the store can. Null when the commit succeeded but that read did not.
    /// </summary>
    async Task<HashSet<string>?> CommitThenFindKeptKeysAsync(IReadOnlyCollection<string> correlationKeys, CancellationToken cancellationToken = default)
    {
        await CommitAsync(cancellationToken);
        return await LookAfterCommitAsync(this, correlationKeys, cancellationToken);
    }

    /// <summary>The look after a commit as its own read: which keys have kept events, or null when the read failed.</summary>
    internal static async Task<HashSet<string>?> LookAfterCommitAsync(IStoreSession session, IReadOnlyCollection<string> correlationKeys, CancellationToken cancellationToken)
    {
        if (correlationKeys.Count == 0)
        {
            return [];
        }
        try
        {
            return await session.KeysWithPendingEventsAsync(correlationKeys, cancellationToken);
        }
#pragma warning disable CA1031 // the unit has committed; a failed look after it is answered with "unknown", not an error
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    // ---- changes ----

    /// <summary>Adds a row: an instance, wait, timer, journal entry, incident, kept event, task, task audit, outbox message or processed message.</summary>
    void Add<T>(T row) where T : class;

    /// <summary>Deletes a row this unit read (a wait, timer or kept event), or un-adds one it added.</summary>
    void Remove<T>(T row) where T : class;

    /// <summary>The due times of the timers this unit adds (to wake the dispatcher after the commit).</summary>
    List<DateTime> AddedTimerDueTimes();

    /// <summary>
    /// Commits everything in one transaction. Throws <see cref="StoreConflictException"/>, with nothing committed, when
    /// the unit lost a race (an instance or task it read changed, a row it deletes is gone, a key it adds is taken).
    /// </summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}

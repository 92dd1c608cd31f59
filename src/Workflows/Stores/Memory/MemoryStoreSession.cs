using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;

namespace Inburgering.Workflows.Stores.Memory;

/// <summary>
/// A unit of work on a <see cref="MemoryWorkflowStore"/>. Like EF's context it keeps one object per row it read
/// (read twice, the same object) and remembers what it adds and deletes; unlike EF it needs no change detection,
/// because everything it read is written back on commit — checked first against the versions it read.
/// </summary>
internal sealed class MemoryStoreSession(MemoryWorkflowStore store) : IStoreSession
{
    private bool _committed;

    /// <summary>Instances read, with the Version they had: the commit checks it is still that.</summary>
    internal Dictionary<Guid, (WorkflowInstance Row, int VersionRead)> LoadedInstances { get; } = [];

    internal Dictionary<Guid, WorkflowWait> LoadedWaits { get; } = [];

    internal Dictionary<Guid, WorkflowTimer> LoadedTimers { get; } = [];

    internal Dictionary<Guid, (PartnerTask Row, int VersionRead)> LoadedTasks { get; } = [];

    internal Dictionary<Guid, Incident> LoadedIncidents { get; } = [];

    /// <summary>Kept events read, with the instance they were kept for: claiming one for an instance changes that.</summary>
    internal Dictionary<Guid, (PendingEvent Row, Guid? InstanceRead)> LoadedPending { get; } = [];

    internal List<object> Added { get; } = [];

    internal HashSet<object> Removed { get; } = new(ReferenceEqualityComparer.Instance);

    public Task<WorkflowInstance?> FindInstanceAsync(Guid id, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.ReadInstances(this, [id]).FirstOrDefault());

    public Task<List<WorkflowInstance>> FindInstancesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.ReadInstances(this, ids));

    public Task<List<WorkflowWait>> WaitsOfAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.ReadWaits(this, instanceIds));

    public Task<List<WorkflowTimer>> TimersOfInstancesAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.ReadTimersOfInstances(this, instanceIds));

    public Task<List<WorkflowTimer>> TimerWithSiblingsAsync(Guid timerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.ReadTimerWithSiblings(this, timerId));

    public Task<List<WorkflowTimer>> TimersOfWaitAsync(Guid waitId, bool alreadyLoaded, CancellationToken cancellationToken = default)
    {
        var stored = store.ReadTimersOfWait(this, waitId);
        var added = Added.OfType<WorkflowTimer>().Where(t => t.WaitId == waitId);
        return Task.FromResult(stored.Where(t => !Removed.Contains(t)).Concat(added).ToList());
    }

    public Task<PartnerTask?> FindTaskAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (Added.OfType<PartnerTask>().FirstOrDefault(t => t.Id == id) is { } added)
        {
            return Task.FromResult<PartnerTask?>(added);
        }
        return Task.FromResult(store.ReadTask(this, id));
    }

    public Task<Incident?> FindIncidentAsync(Guid id, CancellationToken cancellationToken = default) => Task.FromResult(store.ReadIncident(this, id));

    public Task<List<PendingEvent>> PendingEventsAsync(Guid? instanceId, IReadOnlyCollection<string> correlationKeys, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.ReadPending(this, instanceId, correlationKeys));

    public bool IsRemoved(object row) => Removed.Contains(row);

    public Task<PartnerTask?> ReadTaskAsync(Guid id, CancellationToken cancellationToken = default) => Task.FromResult(store.Lookup(s => s.TaskCopy(id)));

    public Task<Guid?> InstanceOfWaitAsync(Guid waitId, CancellationToken cancellationToken = default) => Task.FromResult(store.Lookup(s => s.InstanceOfWait(waitId)));

    public Task<Guid?> InstanceOfTimerAsync(Guid timerId, CancellationToken cancellationToken = default) => Task.FromResult(store.Lookup(s => s.InstanceOfTimer(timerId)));

    public Task<Guid?> InstanceOfIncidentAsync(Guid incidentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Lookup(s => s.InstanceOfIncident(incidentId)));

    public Task<List<Guid>> LiveInstancesWithKeyAsync(string correlationKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Lookup(s => s.LiveInstancesWithKey(correlationKey)));

    public Task<bool> IsProcessedAsync(string messageId, string receiver, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Lookup(s => s.IsProcessed(messageId, receiver)));

    public Task<HashSet<string>> KeysWithPendingEventsAsync(IReadOnlyCollection<string> correlationKeys, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Lookup(s => s.KeysWithPending(correlationKeys)));

    public void Add<T>(T row) where T : class
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!MemoryWorkflowStore.Holds(row))
        {
            throw new ArgumentException($"The memory store keeps no rows of type {row.GetType().Name}.", nameof(row));
        }
        Added.Add(row);
    }

    public void Remove<T>(T row) where T : class
    {
        ArgumentNullException.ThrowIfNull(row);
        var index = Added.FindIndex(a => ReferenceEquals(a, row));
        if (index >= 0)
        {
            Added.RemoveAt(index); // added here, deleted here: it never was
            return;
        }
        if (row is not (WorkflowWait or WorkflowTimer or PendingEvent))
        {
            throw new ArgumentException($"A unit of work deletes waits, timers and kept events only, not {row.GetType().Name}.", nameof(row));
        }
        Removed.Add(row);
    }

    public List<DateTime> AddedTimerDueTimes() => Added.OfType<WorkflowTimer>().Select(t => t.DueAtUtc).ToList();

    public Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_committed)
        {
            throw new InvalidOperationException("This unit of work has committed already.");
        }
        store.Commit(this);
        _committed = true;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

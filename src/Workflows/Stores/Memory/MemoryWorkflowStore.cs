using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Inbox;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Outbox;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;

namespace Inburgering.Workflows.Stores.Memory;

/// <summary>
/// The engine's own store in memory: the rows a database would hold, as indexed collections in this process, with the
/// same contract (a unit commits whole or not at all; it loses when an instance or task it read changed meanwhile, a
/// row it deletes is gone or a key it adds is taken). Made for simulations and try-outs in fake time, where a database
/// round trip per read is most of a burst's cost (docs/performance.md, P5); nothing survives the process, so the Host
/// never runs on it. Units read copies and commit copies: a unit that is thrown away leaves the store as it was.
/// </summary>
public sealed partial class MemoryWorkflowStore : IWorkflowStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, WorkflowInstance> _instances = [];
    private readonly Dictionary<string, List<Guid>> _instancesByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, WorkflowWait> _waits = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _waitsByInstance = [];
    private readonly Dictionary<Guid, WorkflowTimer> _timers = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _timersByWait = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _timersByInstance = [];
    private readonly SortedSet<(DateTime Due, Guid Id)> _timersByDue = [];
    private readonly Dictionary<Guid, PartnerTask> _tasks = [];
    private readonly SortedSet<(DateTime CreatedAt, Guid Id)> _tasksByCreation = [];
    private readonly Dictionary<Guid, Incident> _incidents = [];
    private readonly Dictionary<Guid, PendingEvent> _pending = [];
    private readonly HashSet<(string MessageId, string Receiver)> _processed = [];
    private readonly Dictionary<Guid, List<JournalEntry>> _journal = [];
    private readonly List<TaskAuditEntry> _taskAudit = [];
    private readonly List<OutboxMessage> _outbox = [];
    private long _outboxSequence;

    public Task<IStoreSession> OpenAsync(CancellationToken cancellationToken = default) => Task.FromResult<IStoreSession>(new MemoryStoreSession(this));

    public Task<DateTime?> NextTimerDueAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_timersByDue.Count == 0 ? (DateTime?)null : _timersByDue.Min.Due);
        }
    }

    public Task<List<ClaimedTimer>> ClaimDueTimersAsync(DateTime nowUtc, DateTime claimUntilUtc, int limit, CancellationToken cancellationToken = default)
    {
        var claimed = new List<ClaimedTimer>();
        lock (_gate)
        {
            foreach (var (due, id) in _timersByDue)
            {
                if (due > nowUtc || claimed.Count >= limit)
                {
                    break;
                }
                var timer = _timers[id];
                if (timer.ClaimedUntilUtc is { } until && until >= nowUtc)
                {
                    continue;
                }
                timer.ClaimedUntilUtc = claimUntilUtc;
                claimed.Add(new ClaimedTimer(timer.Id, timer.InstanceId, timer.DueAtUtc, timer.CreatedAtUtc));
            }
        }
        return Task.FromResult(claimed);
    }

    // ---- reads for drivers and tests: copies of what is committed ----

    public int InstanceCount
    {
        get
        {
            lock (_gate)
            {
                return _instances.Count;
            }
        }
    }

    public WorkflowInstance? Instance(Guid id)
    {
        lock (_gate)
        {
            return _instances.TryGetValue(id, out var instance) ? instance.Copy() : null;
        }
    }

    public List<WorkflowInstance> Instances(Func<WorkflowInstance, bool>? where = null) => Select(_instances.Values, where, i => i.Copy());

    public List<PartnerTask> Tasks(Func<PartnerTask, bool>? where = null) => Select(_tasks.Values, where, t => t.Copy());

    /// <summary>Tasks created at or after <paramref name="sinceUtc"/> (by index: a simulation asks this every day).</summary>
    public List<PartnerTask> TasksCreatedSince(DateTime sinceUtc, Func<PartnerTask, bool>? where = null)
    {
        lock (_gate)
        {
            return _tasksByCreation.GetViewBetween((sinceUtc, Guid.Empty), (DateTime.MaxValue, Guid.AllBitsSet))
                .Select(k => _tasks[k.Id])
                .Where(t => where is null || where(t))
                .Select(t => t.Copy())
                .ToList();
        }
    }

    public List<WorkflowWait> Waits(Func<WorkflowWait, bool>? where = null) => Select(_waits.Values, where, w => w.Copy());

    public List<WorkflowTimer> Timers(Func<WorkflowTimer, bool>? where = null) => Select(_timers.Values, where, t => t.Copy());

    public List<Incident> Incidents(Func<Incident, bool>? where = null) => Select(_incidents.Values, where, i => i.Copy());

    public List<PendingEvent> PendingEvents(Func<PendingEvent, bool>? where = null) => Select(_pending.Values, where, p => p.Copy());

    /// <summary>The journal of one instance in order (entries are never changed once committed).</summary>
    public List<JournalEntry> JournalOf(Guid instanceId)
    {
        lock (_gate)
        {
            return _journal.TryGetValue(instanceId, out var entries) ? entries.Select(e => e.Copy()).ToList() : [];
        }
    }

    public List<OutboxMessage> Outbox()
    {
        lock (_gate)
        {
            return _outbox.Select(m => m.Copy()).ToList();
        }
    }

    public List<TaskAuditEntry> TaskAudit(Guid taskId)
    {
        lock (_gate)
        {
            return _taskAudit.Where(a => a.TaskId == taskId).OrderBy(a => a.Sequence).Select(a => a.Copy()).ToList();
        }
    }

    private List<T> Select<T>(IEnumerable<T> rows, Func<T, bool>? where, Func<T, T> copy)
    {
        lock (_gate)
        {
            return rows.Where(r => where is null || where(r)).Select(copy).ToList();
        }
    }
}

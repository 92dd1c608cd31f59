using Inburgering.Workflows.Inbox;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Outbox;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;

namespace Inburgering.Workflows.Stores.Memory;

/// <summary>What units of work read (copies, one per row and unit) and how they commit.</summary>
public sealed partial class MemoryWorkflowStore
{
    internal static bool Holds(object row) => row is WorkflowInstance or WorkflowWait or WorkflowTimer or JournalEntry or Incident
        or PendingEvent or PartnerTask or TaskAuditEntry or OutboxMessage or ProcessedMessage;

    internal T Lookup<T>(Func<MemoryWorkflowStore, T> read)
    {
        lock (_gate)
        {
            return read(this);
        }
    }

    internal List<WorkflowInstance> ReadInstances(MemoryStoreSession unit, IReadOnlyCollection<Guid> ids)
    {
        lock (_gate)
        {
            var rows = new List<WorkflowInstance>(ids.Count);
            foreach (var id in ids)
            {
                if (unit.LoadedInstances.TryGetValue(id, out var held))
                {
                    rows.Add(held.Row);
                }
                else if (_instances.TryGetValue(id, out var stored))
                {
                    var copy = stored.Copy();
                    unit.LoadedInstances[id] = (copy, copy.Version);
                    rows.Add(copy);
                }
            }
            return rows;
        }
    }

    internal List<WorkflowWait> ReadWaits(MemoryStoreSession unit, IReadOnlyCollection<Guid> instanceIds)
    {
        lock (_gate)
        {
            var rows = new List<WorkflowWait>();
            foreach (var instanceId in instanceIds)
            {
                if (_waitsByInstance.TryGetValue(instanceId, out var ids))
                {
                    rows.AddRange(ids.Select(id => Held(unit.LoadedWaits, _waits[id], w => w.Id, w => w.Copy())));
                }
            }
            return rows;
        }
    }

    internal List<WorkflowTimer> ReadTimersOfInstances(MemoryStoreSession unit, IReadOnlyCollection<Guid> instanceIds)
    {
        lock (_gate)
        {
            return instanceIds.SelectMany(i => _timersByInstance.TryGetValue(i, out var ids) ? ids : [])
                .Select(id => Held(unit.LoadedTimers, _timers[id], t => t.Id, t => t.Copy()))
                .ToList();
        }
    }

    internal List<WorkflowTimer> ReadTimerWithSiblings(MemoryStoreSession unit, Guid timerId)
    {
        lock (_gate)
        {
            return _timers.TryGetValue(timerId, out var timer) ? TimersOfWait(unit, timer.WaitId) : [];
        }
    }

    internal List<WorkflowTimer> ReadTimersOfWait(MemoryStoreSession unit, Guid waitId)
    {
        lock (_gate)
        {
            return TimersOfWait(unit, waitId);
        }
    }

    private List<WorkflowTimer> TimersOfWait(MemoryStoreSession unit, Guid waitId) =>
        _timersByWait.TryGetValue(waitId, out var ids) ? ids.Select(id => Held(unit.LoadedTimers, _timers[id], t => t.Id, t => t.Copy())).ToList() : [];

    internal PartnerTask? ReadTask(MemoryStoreSession unit, Guid id)
    {
        lock (_gate)
        {
            if (unit.LoadedTasks.TryGetValue(id, out var held))
            {
                return held.Row;
            }
            if (!_tasks.TryGetValue(id, out var stored))
            {
                return null;
            }
            var copy = stored.Copy();
            unit.LoadedTasks[id] = (copy, copy.Version);
            return copy;
        }
    }

    internal Incident? ReadIncident(MemoryStoreSession unit, Guid id)
    {
        lock (_gate)
        {
            return _incidents.TryGetValue(id, out var stored) ? Held(unit.LoadedIncidents, stored, i => i.Id, i => i.Copy()) : null;
        }
    }

    internal List<PendingEvent> ReadPending(MemoryStoreSession unit, Guid? instanceId, IReadOnlyCollection<string> keys)
    {
        if (instanceId is null && keys.Count == 0)
        {
            return [];
        }
        lock (_gate)
        {
            // Few are kept at any moment (an event waits only until its wait opens), so a scan is cheaper than an index.
            var rows = new List<PendingEvent>();
            foreach (var stored in _pending.Values)
            {
                var matches = (instanceId is { } id && stored.InstanceId == id)
                    || (stored.InstanceId is null && stored.CorrelationKey is { } key && keys.Contains(key));
                if (!matches)
                {
                    continue;
                }
                if (unit.LoadedPending.TryGetValue(stored.Id, out var held))
                {
                    rows.Add(held.Row);
                }
                else
                {
                    var copy = stored.Copy();
                    unit.LoadedPending[stored.Id] = (copy, copy.InstanceId);
                    rows.Add(copy);
                }
            }
            return rows.OrderBy(p => p.ReceivedAtUtc).ThenBy(p => p.Id).ToList();
        }
    }

    private static T Held<T>(Dictionary<Guid, T> loaded, T stored, Func<T, Guid> id, Func<T, T> copy)
    {
        var key = id(stored);
        if (!loaded.TryGetValue(key, out var held))
        {
            loaded[key] = held = copy(stored);
        }
        return held;
    }

    // ---- lookups (called under the gate through Lookup) ----

    internal PartnerTask? TaskCopy(Guid id) => _tasks.TryGetValue(id, out var task) ? task.Copy() : null;

    internal Guid? InstanceOfWait(Guid id) => _waits.TryGetValue(id, out var wait) ? wait.InstanceId : null;

    internal Guid? InstanceOfTimer(Guid id) => _timers.TryGetValue(id, out var timer) ? timer.InstanceId : null;

    internal Guid? InstanceOfIncident(Guid id) => _incidents.TryGetValue(id, out var incident) ? incident.InstanceId : null;

    internal List<Guid> LiveInstancesWithKey(string key) =>
        _instancesByKey.TryGetValue(key, out var ids)
            ? ids.Select(id => _instances[id])
                .Where(i => i.Status is InstanceStatus.Running or InstanceStatus.Faulted)
                .OrderBy(i => i.CreatedAtUtc).ThenBy(i => i.Id)
                .Select(i => i.Id)
                .ToList()
            : [];

    internal bool IsProcessed(string messageId, string receiver) => _processed.Contains((messageId, receiver));

    internal HashSet<string> KeysWithPending(IReadOnlyCollection<string> keys) =>
        _pending.Values.Where(p => p.InstanceId is null && p.CorrelationKey is { } key && keys.Contains(key))
            .Select(p => p.CorrelationKey!)
            .ToHashSet(StringComparer.Ordinal);
}

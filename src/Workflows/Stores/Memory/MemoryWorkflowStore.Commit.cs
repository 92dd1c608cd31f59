using Inburgering.Workflows.Inbox;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Outbox;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;

namespace Inburgering.Workflows.Stores.Memory;

/// <summary>
/// A unit's commit: first every check a database would make (the Version of each instance and task read, the rows
/// deleted still there, the keys added still free), then every change — under one lock, so no reader sees half of it.
/// </summary>
public sealed partial class MemoryWorkflowStore
{
    internal void Commit(MemoryStoreSession unit)
    {
        lock (_gate)
        {
            if (Conflict(unit) is { } reason)
            {
                throw new StoreConflictException(reason);
            }
            foreach (var (id, (row, _)) in unit.LoadedInstances)
            {
                _instances[id] = row.Copy();
            }
            foreach (var (id, (row, _)) in unit.LoadedTasks)
            {
                _tasks[id] = row.Copy();
            }
            foreach (var (id, row) in unit.LoadedIncidents)
            {
                _incidents[id] = row.Copy();
            }
            foreach (var (id, (row, instanceRead)) in unit.LoadedPending)
            {
                // Only a kept event this unit claimed for an instance: one it merely read may have been taken by
                // another unit meanwhile, and writing it back would undo that.
                if (!unit.Removed.Contains(row) && row.InstanceId != instanceRead)
                {
                    _pending[id] = row.Copy();
                }
            }
            foreach (var row in unit.Removed)
            {
                Delete(row);
            }
            foreach (var row in unit.Added)
            {
                Insert(row);
            }
        }
    }

    private string? Conflict(MemoryStoreSession unit)
    {
        foreach (var (id, (_, version)) in unit.LoadedInstances)
        {
            if (!_instances.TryGetValue(id, out var stored) || stored.Version != version)
            {
                return $"Instance {id} changed since this unit read it.";
            }
        }
        foreach (var (id, (_, version)) in unit.LoadedTasks)
        {
            if (!_tasks.TryGetValue(id, out var stored) || stored.Version != version)
            {
                return $"Task {id} changed since this unit read it.";
            }
        }
        foreach (var (id, (row, instanceRead)) in unit.LoadedPending)
        {
            var changed = unit.Removed.Contains(row) || row.InstanceId != instanceRead;
            if (changed && (!_pending.TryGetValue(id, out var stored) || stored.InstanceId != instanceRead))
            {
                return $"Kept event {id} was taken by another unit.";
            }
        }
        foreach (var row in unit.Removed)
        {
            var present = row switch
            {
                WorkflowWait w => _waits.ContainsKey(w.Id),
                WorkflowTimer t => _timers.ContainsKey(t.Id),
                PendingEvent p => _pending.ContainsKey(p.Id),
                _ => false,
            };
            if (!present)
            {
                return $"A {row.GetType().Name} this unit deletes is gone.";
            }
        }
        var processed = new HashSet<(string, string)>();
        foreach (var row in unit.Added)
        {
            var taken = row switch
            {
                WorkflowInstance i => _instances.ContainsKey(i.Id),
                WorkflowWait w => _waits.ContainsKey(w.Id),
                WorkflowTimer t => _timers.ContainsKey(t.Id),
                PartnerTask t => _tasks.ContainsKey(t.Id),
                Incident i => _incidents.ContainsKey(i.Id),
                PendingEvent p => _pending.ContainsKey(p.Id),
                ProcessedMessage m => _processed.Contains((m.MessageId, m.Receiver)) || !processed.Add((m.MessageId, m.Receiver)),
                _ => false,
            };
            if (taken)
            {
                return $"A {row.GetType().Name} with this key exists already.";
            }
        }
        return null;
    }

    private void Delete(object row)
    {
        switch (row)
        {
            case WorkflowWait wait:
                _waits.Remove(wait.Id);
                RemoveFromIndex(_waitsByInstance, wait.InstanceId, wait.Id);
                break;
            case WorkflowTimer timer:
                var stored = _timers[timer.Id];
                _timers.Remove(timer.Id);
                _timersByDue.Remove((stored.DueAtUtc, stored.Id));
                RemoveFromIndex(_timersByWait, stored.WaitId, stored.Id);
                RemoveFromIndex(_timersByInstance, stored.InstanceId, stored.Id);
                break;
            case PendingEvent pending:
                _pending.Remove(pending.Id);
                break;
        }
    }

    private void Insert(object row)
    {
        switch (row)
        {
            case WorkflowInstance instance:
                _instances[instance.Id] = instance.Copy();
                if (instance.CorrelationKey is { } key)
                {
                    (_instancesByKey.TryGetValue(key, out var ids) ? ids : _instancesByKey[key] = []).Add(instance.Id);
                }
                break;
            case WorkflowWait wait:
                _waits[wait.Id] = wait.Copy();
                AddToIndex(_waitsByInstance, wait.InstanceId, wait.Id);
                break;
            case WorkflowTimer timer:
                _timers[timer.Id] = timer.Copy();
                _timersByDue.Add((timer.DueAtUtc, timer.Id));
                AddToIndex(_timersByWait, timer.WaitId, timer.Id);
                AddToIndex(_timersByInstance, timer.InstanceId, timer.Id);
                break;
            case PartnerTask task:
                _tasks[task.Id] = task.Copy();
                _tasksByCreation.Add((task.CreatedAtUtc, task.Id));
                break;
            case Incident incident:
                _incidents[incident.Id] = incident.Copy();
                break;
            case PendingEvent pending:
                _pending[pending.Id] = pending.Copy();
                break;
            case ProcessedMessage message:
                _processed.Add((message.MessageId, message.Receiver));
                break;
            case JournalEntry entry:
                (_journal.TryGetValue(entry.InstanceId, out var entries) ? entries : _journal[entry.InstanceId] = []).Add(entry.Copy());
                break;
            case TaskAuditEntry audit:
                _taskAudit.Add(audit.Copy());
                break;
            case OutboxMessage message:
                var stored = message.Copy();
                stored.Sequence = message.Sequence = ++_outboxSequence; // as the database's sequence would, seen by the unit too
                _outbox.Add(stored);
                break;
        }
    }

    private static void AddToIndex(Dictionary<Guid, HashSet<Guid>> index, Guid owner, Guid id)
    {
        if (!index.TryGetValue(owner, out var ids))
        {
            index[owner] = ids = [];
        }
        ids.Add(id);
    }

    private static void RemoveFromIndex(Dictionary<Guid, HashSet<Guid>> index, Guid owner, Guid id)
    {
        if (index.TryGetValue(owner, out var ids) && ids.Remove(id) && ids.Count == 0)
        {
            index.Remove(owner);
        }
    }
}

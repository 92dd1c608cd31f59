using System.Text.Json.Nodes;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Timers;

namespace Inburgering.Workflows.Execution;

internal sealed partial class Burst
{
    private List<PendingEvent>? _pending;

    private async Task OpenWaitAsync(CompiledNode node, WaitRequest request)
    {
        // An event that arrived before this wait existed is delivered now, in this burst, instead of opening the wait.
        if (request.Kind == WaitKinds.Event && request.EventName is { } eventName && await ClaimPendingEventAsync(eventName) is { } pending)
        {
            Journal(JournalKind.EventReceived, node.Key, node.Node.Type, message: $"Gebeurtenis '{eventName}' was al binnen ({pending.ReceivedAtUtc:yyyy-MM-dd HH:mm:ss} UTC).");
            var payload = pending.PayloadJson is null ? null : JsonNode.Parse(pending.PayloadJson);
            await ResumeNodeAsync(node, new WaitResumption(pending.Id, request, payload));
            return;
        }

        var wait = new WorkflowWait
        {
            Id = Guid.CreateVersion7(Now),
            InstanceId = Instance.Id,
            ActivityKey = node.Key,
            Kind = request.Kind,
            EventName = request.EventName,
            DueAtUtc = request.EffectiveDueAt?.UtcDateTime,
            StateJson = Serialize(request.State),
            DeadlineJson = request.Deadline is null ? null : DeadlineRecord.From(request.Deadline).ToJson(),
            CreatedAtUtc = Now.UtcDateTime,
        };
        Session.Add(wait);
        OpenWaits.Add(wait);
        Journal(JournalKind.ActivityWaiting, node.Key, node.Node.Type, message: Describe(request));
        foreach (var observer in _observers)
        {
            await observer.OnWaitOpenedAsync(new WaitOpenedArguments(Session, Instance, wait, request, Now));
        }
    }

    /// <summary>Resumes one open wait with a payload. False when the wait is no longer open (already resumed: idempotent).</summary>
    /// <param name="journalResume">False when the caller already journaled why the wait resumed (a timer firing).</param>
    public async Task<bool> ResumeWaitAsync(Guid waitId, JsonNode? payload, bool journalResume = true)
    {
        var wait = OpenWaits.FirstOrDefault(w => w.Id == waitId);
        if (wait is null)
        {
            return false;
        }
        var node = Definition.Nodes[wait.ActivityKey];
        await CloseWaitAsync(wait, WaitCloseReason.Resumed);
        await ResumeNodeAsync(node, new WaitResumption(wait.Id, ToRequest(wait), payload), journalResume);
        return true;
    }

    /// <summary>Delivers a named event: every wait for it in this instance resumes, or it is queued until one opens.</summary>
    public async Task DeliverEventAsync(string eventName, JsonNode? payload)
    {
        var waiting = OpenWaits.Where(w => w.Kind == WaitKinds.Event && w.EventName == eventName).ToList();
        if (waiting.Count == 0)
        {
            Session.Add(new PendingEvent
            {
                Id = Guid.CreateVersion7(Now),
                InstanceId = Instance.Id,
                EventName = eventName,
                PayloadJson = Serialize(payload),
                ReceivedAtUtc = Now.UtcDateTime,
            });
            Journal(JournalKind.EventQueued, message: $"Gebeurtenis '{eventName}' bewaard: nog niets wacht erop.");
            return;
        }
        foreach (var wait in waiting)
        {
            Journal(JournalKind.EventReceived, wait.ActivityKey, message: $"Gebeurtenis '{eventName}' ontvangen.");
            await ResumeWaitAsync(wait.Id, payload?.DeepClone());
        }
        await RunAsync();
    }

    /// <summary>
    /// Takes the events kept for this instance's correlation key — kept by a delivery that ran while this instance was
    /// being started and so could not see it — and delivers them as if they had just arrived: every open wait for the
    /// event resumes, or the event is kept for this instance. False when there were none.
    /// </summary>
    public async Task<bool> TakeEventsKeptForKeyAsync()
    {
        if (Instance.CorrelationKey is not { } key)
        {
            return false;
        }
        var kept = await Session.PendingEventsAsync(null, [key]);
        if (kept.Count == 0)
        {
            return false;
        }
        kept.ForEach(row => row.InstanceId = Instance.Id); // from now on kept for this instance, also for waits opened below
        foreach (var row in kept)
        {
            if (Session.IsRemoved(row))
            {
                continue; // a wait opened while delivering an earlier one and claimed it already
            }
            var waiting = OpenWaits.Where(w => w.Kind == WaitKinds.Event && w.EventName == row.EventName).ToList();
            if (waiting.Count == 0)
            {
                Journal(JournalKind.EventQueued, message: $"Gebeurtenis '{row.EventName}' bewaard: nog niets wacht erop.");
                continue;
            }
            Session.Remove(row);
            foreach (var wait in waiting)
            {
                Journal(JournalKind.EventReceived, wait.ActivityKey, message: $"Gebeurtenis '{row.EventName}' ontvangen (binnengekomen {row.ReceivedAtUtc:yyyy-MM-dd HH:mm:ss} UTC, tijdens de start).");
                await ResumeWaitAsync(wait.Id, row.PayloadJson is null ? null : JsonNode.Parse(row.PayloadJson));
            }
            await RunAsync();
        }
        return true;
    }

    public async Task CancelWaitsAsync(IReadOnlyList<WorkflowWait> waits)
    {
        foreach (var wait in waits)
        {
            await CloseWaitAsync(wait, WaitCloseReason.Cancelled);
            Journal(JournalKind.WaitCancelled, wait.ActivityKey, message: $"Wachten ({wait.Kind}{(wait.EventName is null ? "" : $" '{wait.EventName}'")}) geannuleerd.");
        }
    }

    public async Task ResumeNodeAsync(CompiledNode node, WaitResumption resumption, bool journalResume = true)
    {
        if (journalResume)
        {
            Journal(JournalKind.ActivityResumed, node.Key, node.Node.Type);
        }
        ActivityResult result;
        try
        {
            result = await node.Activity.ResumeAsync(new ActivityContext(this, node, arrivedBy: null), resumption);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Fault(node, ex, resumption);
            return;
        }
        await ApplyAsync(node, result);
    }

    private async Task CloseWaitAsync(WorkflowWait wait, WaitCloseReason reason)
    {
        Session.Remove(wait);
        OpenWaits.Remove(wait);
        foreach (var observer in _observers)
        {
            await observer.OnWaitClosedAsync(new WaitClosedArguments(Session, Instance, wait, reason, Now, TimersTrackedFor.Contains(wait.Id)));
        }
    }

    /// <summary>
    /// Takes the oldest queued event of that name for this instance or its correlation key. The queue is read once per
    /// burst, and not at all for a new instance without a correlation key (nothing can be queued for it). Deleting the
    /// row is part of the burst's commit: if another burst took it first, this burst loses on concurrency and is retried.
    /// </summary>
    private async Task<PendingEvent?> ClaimPendingEventAsync(string eventName)
    {
        _pending ??= _loadPending is { } load ? await load() : null; // a group of starts reads for all its keys at once
        if (_pending is null)
        {
            var key = Instance.CorrelationKey;
            var id = Instance.Id;
            var isNew = IsNewInstance;
            _pending = await Session.PendingEventsAsync(isNew ? null : id, key is null ? [] : [key]);
        }
        var pending = _pending.FirstOrDefault(p => p.EventName == eventName);
        if (pending is not null)
        {
            _pending.Remove(pending);
            Session.Remove(pending);
        }
        return pending;
    }

    private static WaitRequest ToRequest(WorkflowWait wait) => new(
        wait.Kind,
        wait.EventName,
        wait.DueAtUtc is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null,
        wait.StateJson is null ? null : JsonNode.Parse(wait.StateJson));

    private static string Describe(WaitRequest request) => request.Kind switch
    {
        WaitKinds.Event when request.Deadline is { } d => $"Wacht op gebeurtenis '{request.EventName}'; termijn: {d.Deadline.Summary}",
        WaitKinds.Event => $"Wacht op gebeurtenis '{request.EventName}'.",
        _ => request.DueAt is { } due ? $"Wacht ({request.Kind}) tot {due:yyyy-MM-dd HH:mm} UTC." : $"Wacht ({request.Kind}).",
    };
}

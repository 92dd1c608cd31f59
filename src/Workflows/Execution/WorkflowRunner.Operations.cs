using System.Text.Json.Nodes;
using Inburgering.Workflows.Inbox;
using Inburgering.Workflows.Instances;

namespace Inburgering.Workflows.Execution;

public sealed partial class WorkflowRunner
{
    /// <summary>
    /// Delivers an event to one instance: every wait for it resumes, or the event is kept until one opens. With a
    /// <paramref name="messageId"/> the delivery is idempotent: the id is recorded in the burst's transaction and a
    /// second delivery of the same id does nothing.
    /// </summary>
    public Task<BurstOutcome> DeliverEventAsync(Guid instanceId, string eventName, JsonNode? payload, string? messageId, CancellationToken cancellationToken = default) =>
        RunBurstAsync(instanceId, "event", async burst =>
        {
            if (messageId is not null)
            {
                var receiver = EventReceiver(instanceId);
                if (await burst.Session.IsProcessedAsync(messageId, receiver, cancellationToken))
                {
                    return false;
                }
                burst.Session.Add(new ProcessedMessage { MessageId = messageId, Receiver = receiver, ProcessedAtUtc = burst.Now.UtcDateTime, Result = eventName });
            }
            await burst.DeliverEventAsync(eventName, payload);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Delivers an event to every running instance with this correlation key. When there is none yet, the event is kept
    /// for the key and delivered to the first instance with that key that waits for it. Returns the instances reached.
    /// With a <paramref name="messageId"/>, a repeated delivery reaches no instance twice and is not queued twice.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> DeliverEventByCorrelationAsync(
        string correlationKey, string eventName, JsonNode? payload, string? messageId = null, CancellationToken cancellationToken = default)
    {
        List<Guid> instanceIds;
        await using (var session = await store.OpenAsync(cancellationToken))
        {
            if (messageId is not null && await session.IsProcessedAsync(messageId, PendingReceiver, cancellationToken))
            {
                return []; // it was kept for the key the first time; the kept copy is what gets delivered
            }
            instanceIds = await session.LiveInstancesWithKeyAsync(correlationKey, cancellationToken);
            if (instanceIds.Count == 0)
            {
                var now = time.GetUtcNow();
                session.Add(new PendingEvent
                {
                    Id = Guid.CreateVersion7(now),
                    CorrelationKey = correlationKey,
                    EventName = eventName,
                    PayloadJson = Burst.Serialize(payload),
                    ReceivedAtUtc = now.UtcDateTime,
                });
                if (messageId is not null)
                {
                    session.Add(new ProcessedMessage { MessageId = messageId, Receiver = PendingReceiver, ProcessedAtUtc = now.UtcDateTime, Result = eventName });
                }
                await session.CommitAsync(cancellationToken);
            }
        }
        if (instanceIds.Count == 0)
        {
            // An instance with this key may have been starting meanwhile, having looked for kept events before this one
            // was stored: look again now that it is (WorkflowRunner.StartAsync does the same from its side).
            return await DeliverEventsKeptForKeyAsync(correlationKey, cancellationToken) is { } instance ? [instance] : [];
        }
        var reached = new List<Guid>();
        foreach (var id in instanceIds)
        {
            if ((await DeliverEventAsync(id, eventName, payload?.DeepClone(), messageId, cancellationToken)).Kind == BurstOutcomeKind.Applied)
            {
                reached.Add(id);
            }
        }
        return reached;
    }

    /// <summary>
    /// Closes the race between a start and an event for the same correlation key. A delivery that runs while the instance
    /// is being started finds no instance and keeps the event for the key; the start may already have looked for kept
    /// events. Both sides look again after their own commit, so at least one sees the other's row; the oldest running
    /// instance with the key takes the kept events in a burst that deletes them, so only one delivers them. Returns that
    /// instance, or null when nothing was kept or no instance runs.
    /// </summary>
    private async Task<Guid?> DeliverEventsKeptForKeyAsync(string correlationKey, CancellationToken cancellationToken)
    {
        Guid? instanceId;
        await using (var session = await store.OpenAsync(cancellationToken))
        {
            if ((await session.KeysWithPendingEventsAsync([correlationKey], cancellationToken)).Count == 0)
            {
                return null;
            }
            instanceId = (await session.LiveInstancesWithKeyAsync(correlationKey, cancellationToken)) is [var oldest, ..] ? oldest : null;
        }
        if (instanceId is not { } id)
        {
            return null;
        }
        var outcome = await RunBurstAsync(id, "kept-event", burst => burst.TakeEventsKeptForKeyAsync(), cancellationToken);
        return outcome.Kind == BurstOutcomeKind.Applied ? id : null;
    }

    private const string PendingReceiver = "event:pending";

    private static string EventReceiver(Guid instanceId) => $"event:{instanceId}";

    /// <summary>Runs the faulted activity of an open incident again. The incident is resolved in the same burst.</summary>
    public async Task<BurstOutcome> RetryIncidentAsync(Guid incidentId, CancellationToken cancellationToken = default)
    {
        Guid? instanceId;
        await using (var session = await store.OpenAsync(cancellationToken))
        {
            instanceId = await session.InstanceOfIncidentAsync(incidentId, cancellationToken);
        }
        if (instanceId is null)
        {
            return BurstOutcome.NotFound();
        }
        return await RunBurstAsync(instanceId.Value, "retry", async burst =>
        {
            var incident = await burst.Session.FindIncidentAsync(incidentId, cancellationToken);
            if (incident is null || incident.Status != IncidentStatus.Open || !burst.Definition.Nodes.TryGetValue(incident.ActivityKey, out var node))
            {
                return false;
            }
            incident.Status = IncidentStatus.Resolved;
            incident.ResolvedAtUtc = burst.Now.UtcDateTime;
            incident.RetryCount++;
            burst.Instance.OpenIncidents--;
            burst.Journal(JournalKind.IncidentRetried, node.Key, node.Node.Type, message: "Opnieuw uitgevoerd na een incident.");
            // A fault while resuming is retried as that resume, with the same payload; otherwise the activity runs again.
            var stored = StoredResumption.Parse(incident.ResumptionJson);
            incident.ResumptionJson = null;
            if (stored is { } resumption)
            {
                await burst.ResumeNodeAsync(node, resumption);
            }
            else
            {
                await burst.ExecuteAsync(node, arrivedBy: null);
            }
            await burst.RunAsync();
            return true;
        }, cancellationToken);
    }
}

using System.Text.Json.Nodes;
using Inburgering.Workflows.Instances;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Workflows.Execution;

public sealed partial class WorkflowRunner
{
    /// <summary>
    /// Delivers an event to every running instance with this correlation key. When there is none yet, the event is kept
    /// for the key and delivered to the first instance with that key that waits for it. Returns the instances reached.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> DeliverEventByCorrelationAsync(string correlationKey, string eventName, JsonNode? payload, CancellationToken cancellationToken = default)
    {
        List<Guid> instanceIds;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            instanceIds = await db.Instances
                .Where(i => i.CorrelationKey == correlationKey && (i.Status == InstanceStatus.Running || i.Status == InstanceStatus.Faulted))
                .OrderBy(i => i.CreatedAtUtc)
                .Select(i => i.Id)
                .ToListAsync(cancellationToken);
            if (instanceIds.Count == 0)
            {
                var now = time.GetUtcNow();
                db.PendingEvents.Add(new PendingEvent
                {
                    Id = Guid.CreateVersion7(now),
                    CorrelationKey = correlationKey,
                    EventName = eventName,
                    PayloadJson = Burst.Serialize(payload),
                    ReceivedAtUtc = now.UtcDateTime,
                });
                await db.SaveChangesAsync(cancellationToken);
                return [];
            }
        }
        foreach (var id in instanceIds)
        {
            await DeliverEventAsync(id, eventName, payload?.DeepClone(), cancellationToken);
        }
        return instanceIds;
    }

    /// <summary>Runs the faulted activity of an open incident again. The incident is resolved in the same burst.</summary>
    public async Task<BurstOutcome> RetryIncidentAsync(Guid incidentId, CancellationToken cancellationToken = default)
    {
        Guid? instanceId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            instanceId = await db.Incidents.Where(i => i.Id == incidentId).Select(i => (Guid?)i.InstanceId).FirstOrDefaultAsync(cancellationToken);
        }
        if (instanceId is null)
        {
            return BurstOutcome.NotFound();
        }
        return await RunBurstAsync(instanceId.Value, "retry", async burst =>
        {
            var incident = await burst.Db.Incidents.FirstAsync(i => i.Id == incidentId, cancellationToken);
            if (incident.Status != IncidentStatus.Open || !burst.Definition.Nodes.TryGetValue(incident.ActivityKey, out var node))
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

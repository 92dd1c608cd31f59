using System.Text.Json.Nodes;
using Inburgering.Workflows.Persistence;

namespace Inburgering.Workflows.Tasks;

internal static class TaskAudit
{
    public const string SystemActor = "systeem";

    /// <summary>Adds an audit row for <paramref name="task"/> to the unit of work of <paramref name="db"/>.</summary>
    public static void Record(WorkflowsDbContext db, PartnerTask task, TaskAuditAction action, DateTimeOffset now,
        string actor = SystemActor, string? organisation = null, JsonNode? details = null) =>
        db.TaskAudit.Add(new TaskAuditEntry
        {
            TaskId = task.Id,
            Sequence = ++task.AuditSequence,
            AtUtc = now.UtcDateTime,
            Action = action,
            Actor = actor,
            ActorOrganisation = organisation,
            DetailsJson = details?.ToJsonString(),
        });
}

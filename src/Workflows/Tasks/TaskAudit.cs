using System.Text.Json.Nodes;
using Inburgering.Workflows.Stores;

namespace Inburgering.Workflows.Tasks;

internal static class TaskAudit
{
    public const string SystemActor = "systeem";

    /// <summary>Adds an audit row for <paramref name="task"/> to <paramref name="session"/>.</summary>
    public static void Record(IStoreSession session, PartnerTask task, TaskAuditAction action, DateTimeOffset now,
        string actor = SystemActor, string? organisation = null, JsonNode? details = null) =>
        session.Add(new TaskAuditEntry
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

using System.Text.Json.Nodes;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;

namespace Inburgering.Host.Api;

/// <summary>A task in a list: what an inbox row shows.</summary>
public sealed record TaskListItem(
    Guid Id, string KlantreisId, string TaskType, string Organisation, string? Assignee, string Title, string Status,
    DateTime? DueAt, bool Overdue, int Escalations, DateTime CreatedAt, DateTime? ClosedAt, string? Outcome)
{
    public static TaskListItem From(PartnerTask t, DateTime nowUtc) => new(
        t.Id, t.KlantreisId, t.TaskType, t.Organisation, t.Assignee, t.Title, t.Status.ToString(), t.DueAtUtc,
        IsOverdue(t, nowUtc), t.Escalations, t.CreatedAtUtc, t.ClosedAtUtc, t.Outcome);

    internal static bool IsOverdue(PartnerTask t, DateTime nowUtc) => t.Status == PartnerTaskStatus.Open && t.DueAtUtc is { } due && due < nowUtc;
}

/// <summary>
/// One task with everything its organisation may see: instructions, the outcome form, the deadline with its explanation,
/// the klantreis data the definition shares with this task (never BSN or health data), the outcome and the audit.
/// </summary>
public sealed record TaskDetails(
    Guid Id, string KlantreisId, string TaskType, string Organisation, string? Assignee, string Title, string? Instructions,
    string Status, DateTime? DueAt, bool Overdue, int Escalations, DeadlineRecord? Deadline, TaskForm Form, JsonObject SharedData,
    DateTime CreatedAt, DateTime? ClosedAt, string? Outcome, JsonNode? Fields, string? CompletedBy, IReadOnlyList<TaskAuditInfo> Audit)
{
    public static TaskDetails From(TaskView view, DateTime nowUtc)
    {
        var t = view.Task;
        return new TaskDetails(
            t.Id, t.KlantreisId, t.TaskType, t.Organisation, t.Assignee, t.Title, t.Instructions, t.Status.ToString(), t.DueAtUtc,
            TaskListItem.IsOverdue(t, nowUtc), t.Escalations, DeadlineRecord.Parse(t.DeadlineJson), TaskForm.Parse(t.FormJson), view.SharedData,
            t.CreatedAtUtc, t.ClosedAtUtc, t.Outcome, t.OutcomeJson is null ? null : JsonNode.Parse(t.OutcomeJson), t.CompletedBy,
            view.Audit.Select(a => new TaskAuditInfo(a.Sequence, a.AtUtc, a.Action.ToString(), a.Actor, a.ActorOrganisation,
                a.DetailsJson is null ? null : JsonNode.Parse(a.DetailsJson))).ToList());
    }
}

public sealed record TaskAuditInfo(int Sequence, DateTime At, string Action, string Actor, string? Organisation, JsonNode? Details);

/// <summary>Complete a task: the outcome chosen on the form (may be left out when the form has one) and the fields.</summary>
public sealed record CompleteTaskBody(string? Outcome, Dictionary<string, JsonNode?>? Fields);

/// <param name="Result"><c>Completed</c>, or <c>AlreadyCompleted</c> when the task had been completed before (the first result stands).</param>
public sealed record TaskCompletedInfo(string Result, TaskDetails Task);

public sealed record ReassignTaskBody(string? Assignee);

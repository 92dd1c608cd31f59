using Inburgering.Contracts.Tasks;

namespace Inburgering.Workflows.Tasks;

/// <summary>
/// The outbound messages of a task, built from the row. Only what law.md §9 allows to travel: the pseudonymous klantreis
/// id, the task id and type, the organisation and times. Nothing from the instance's variables, ever.
/// </summary>
internal static class TaskMessages
{
    public static TaskAssigned Assigned(PartnerTask t) => new(t.KlantreisId, t.Id, t.TaskType, t.Organisation, Due(t));

    public static TaskReminder Reminder(PartnerTask t, DateTimeOffset dueAt, string lead) => new(t.KlantreisId, t.Id, t.TaskType, t.Organisation, dueAt, lead);

    public static TaskOverdue Overdue(PartnerTask t, DateTimeOffset dueAt, int number) => new(t.KlantreisId, t.Id, t.TaskType, t.Organisation, dueAt, number);

    public static TaskCancelled Cancelled(PartnerTask t) => new(t.KlantreisId, t.Id, t.TaskType, t.Organisation);

    public static TaskCompleted Completed(PartnerTask t, DateTimeOffset at) => new(t.KlantreisId, t.Id, t.TaskType, t.Organisation, at);

    public static TaskExpired Expired(PartnerTask t, DateTimeOffset dueAt) => new(t.KlantreisId, t.Id, t.TaskType, t.Organisation, dueAt);

    private static DateTimeOffset? Due(PartnerTask t) => t.DueAtUtc is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null;
}

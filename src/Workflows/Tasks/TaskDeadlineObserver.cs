using System.Text.Json.Nodes;
using Inburgering.Contracts.Tasks;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Outbox;
using Inburgering.Workflows.Timers;

namespace Inburgering.Workflows.Tasks;

/// <summary>
/// What a reminder or a passed deadline means for the people involved, in the burst that fires it: for a partner task
/// a <c>TaskReminder</c>, <c>TaskOverdue</c> (to the partner and the gemeente's regie) or, for a task that expires at its
/// deadline, <c>TaskExpired</c>; for any other step with a deadline a <c>StepOverdue</c> to the regie.
/// </summary>
internal sealed class TaskDeadlineObserver : IDeadlineObserver
{
    public async ValueTask OnDeadlineEventAsync(DeadlineEventArguments arguments)
    {
        var (db, instance, wait, deadline, now) = (arguments.Session, arguments.Instance, arguments.Wait, arguments.Deadline, arguments.Now);
        if (wait.Kind != WaitKinds.Task)
        {
            // A wait that expires by design (a bezwaar term without bezwaar) is not late: nobody needs to act.
            if (arguments.Kind != DeadlineEventKind.Reminder && !deadline.ResumeAtDeadline)
            {
                var klantreisId = TaskWaitObserver.KlantreisId(instance);
                db.AddOutboxMessage(new StepOverdue(klantreisId, wait.ActivityKey, deadline.Rule, deadline.DueUtc, arguments.EscalationNumber),
                    instance.Id, klantreisId, now);
            }
            return;
        }
        if (await db.FindTaskAsync(wait.Id) is not { Status: PartnerTaskStatus.Open } task)
        {
            return;
        }
        task.Version++;
        switch (arguments.Kind)
        {
            case DeadlineEventKind.Reminder:
                TaskAudit.Record(db, task, TaskAuditAction.Reminded, now, details: new JsonObject { ["lead"] = arguments.Lead });
                db.AddOutboxMessage(TaskMessages.Reminder(task, deadline.DueUtc, arguments.Lead ?? ""), instance.Id, task.KlantreisId, now);
                break;
            case DeadlineEventKind.Expired when deadline.ResumeAtDeadline:
                task.Status = PartnerTaskStatus.Expired;
                task.ClosedAtUtc = now.UtcDateTime;
                TaskAudit.Record(db, task, TaskAuditAction.Expired, now);
                db.AddOutboxMessage(TaskMessages.Expired(task, deadline.DueUtc), instance.Id, task.KlantreisId, now);
                break;
            default:
                task.Escalations = arguments.EscalationNumber;
                TaskAudit.Record(db, task, TaskAuditAction.Overdue, now, details: new JsonObject { ["escalation"] = arguments.EscalationNumber });
                db.AddOutboxMessage(TaskMessages.Overdue(task, deadline.DueUtc, arguments.EscalationNumber), instance.Id, task.KlantreisId, now);
                break;
        }
    }
}

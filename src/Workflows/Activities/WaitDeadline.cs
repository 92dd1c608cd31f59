using Inburgering.Workflows.Calendar;

namespace Inburgering.Workflows.Activities;

/// <summary>
/// A deadline attached to a wait: when it is due and why (the calendar's explanation), reminders before it (lead times
/// in werkdagen or calendar units) and, once it has passed, escalation repeated every <see cref="RepeatEscalationEvery"/>
/// while the wait stays open. All of it ends the moment the wait closes. With <see cref="ResumeAtDeadline"/> the wait does
/// not escalate but is resumed at the deadline with <c>{"expired": true}</c> (a task that expires and the path goes on).
/// </summary>
public sealed record WaitDeadline(Deadline Deadline, IReadOnlyList<BusinessDuration> Reminders, BusinessDuration? RepeatEscalationEvery, bool ResumeAtDeadline = false)
{
    public DateTimeOffset DueAt => Deadline.DueUtc;
}

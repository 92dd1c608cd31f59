using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Calendar;
using Microsoft.Extensions.Options;

namespace Inburgering.Workflows.Timers;

/// <summary>
/// Creates the timer rows of a wait when it opens (its resume moment, or its deadline's reminders and deadline) and
/// deletes them when it closes, always inside the burst's transaction: a timer can never outlive its wait.
/// </summary>
internal sealed class TimerWaitObserver(BusinessCalendar calendar, IOptions<TimerOptions> options) : IWaitObserver
{
    public ValueTask OnWaitOpenedAsync(WaitOpenedArguments arguments)
    {
        var (db, instance, wait, request, now) = (arguments.Session, arguments.Instance, arguments.Wait, arguments.Request, arguments.Now);
        void Add(TimerPurpose purpose, DateTimeOffset due, string? data = null)
        {
            db.Add(new WorkflowTimer
            {
                Id = Guid.CreateVersion7(now),
                InstanceId = instance.Id,
                WaitId = wait.Id,
                Purpose = purpose,
                DueAtUtc = due.UtcDateTime,
                Data = data,
                CreatedAtUtc = now.UtcDateTime,
            });
            wait.HasTimers = true;
        }

        if (request.Kind == WaitKinds.Timer && request.DueAt is { } resumeAt)
        {
            Add(TimerPurpose.Resume, resumeAt);
        }
        if (request.Deadline is { } deadline)
        {
            foreach (var lead in deadline.Reminders)
            {
                var at = ReminderMoment(deadline.Deadline.Final, lead);
                // A reminder whose moment already passed (the wait opened late) is not sent after the fact.
                if (at > now && at < deadline.DueAt)
                {
                    Add(TimerPurpose.Reminder, at, lead.ToString());
                }
            }
            Add(TimerPurpose.Deadline, deadline.DueAt, "1");
        }
        return ValueTask.CompletedTask;
    }

    public async ValueTask OnWaitClosedAsync(WaitClosedArguments arguments)
    {
        if (!arguments.Wait.HasTimers)
        {
            return;
        }
        var session = arguments.Session;
        // The stored rows and the ones this burst added; removing an added row simply un-adds it.
        foreach (var timer in await session.TimersOfWaitAsync(arguments.Wait.Id, arguments.TimersTracked))
        {
            session.Remove(timer);
        }
    }

    /// <summary>The reminder goes out at office hours on the day <paramref name="lead"/> before the deadline's last day.</summary>
    private DateTimeOffset ReminderMoment(DateOnly final, BusinessDuration lead)
    {
        var day = lead.Unit switch
        {
            DurationUnit.Werkdagen => BackWorkingDays(final, lead.Amount),
            DurationUnit.Days => final.AddDays(-lead.Amount),
            DurationUnit.Weeks => final.AddDays(-7 * lead.Amount),
            DurationUnit.Months => final.AddMonths(-lead.Amount),
            DurationUnit.Years => final.AddYears(-lead.Amount),
            _ => final,
        };
        var local = day.ToDateTime(TimeOnly.FromTimeSpan(options.Value.ReminderTimeOfDay), DateTimeKind.Unspecified);
        var moment = new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local));
        return lead.IsTimeUnit ? calendar.EndOfDayUtc(final) - lead.ToTimeSpan() : moment;
    }

    private DateOnly BackWorkingDays(DateOnly from, int count)
    {
        var day = from;
        while (count > 0)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day))
            {
                count--;
            }
        }
        return day;
    }
}

using System.Text.Json.Nodes;
using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Timers;

namespace Inburgering.Workflows.Execution;

public sealed partial class WorkflowRunner
{
    /// <summary>
    /// Fires one timer in a burst on its instance. The burst deletes the timer row; if it is already gone (fired by
    /// another dispatcher, or cancelled with its wait) nothing happens. That delete is what makes firing exactly-once in
    /// effect across retries, crashes between fire and commit, and several Hosts.
    /// </summary>
    public async Task<BurstOutcome> FireTimerAsync(Guid timerId, CancellationToken cancellationToken = default)
    {
        Guid? instanceId;
        await using (var session = await store.OpenAsync(cancellationToken))
        {
            instanceId = await session.InstanceOfTimerAsync(timerId, cancellationToken);
        }
        if (instanceId is null)
        {
            return BurstOutcome.Ignored("The timer is gone (fired or cancelled).");
        }
        return await RunBurstAsync(instanceId.Value, "timer", async burst =>
        {
            // One read for the fired timer and its siblings (the wait's other reminders and deadline), so closing the
            // wait needs no second one.
            var siblings = await burst.Session.TimerWithSiblingsAsync(timerId, cancellationToken);
            var timer = siblings.FirstOrDefault(t => t.Id == timerId);
            if (timer is null)
            {
                return false;
            }
            burst.TimersTrackedFor.Add(timer.WaitId);
            burst.Session.Remove(timer);
            var wait = burst.OpenWaits.FirstOrDefault(w => w.Id == timer.WaitId);
            if (wait is null)
            {
                return true; // an orphan cannot exist (timers close with their wait), but if one did, deleting it is right
            }
            await ApplyTimerAsync(burst, timer, wait);
            return true;
        }, cancellationToken);
    }

    private async Task ApplyTimerAsync(Burst burst, WorkflowTimer timer, WorkflowWait wait)
    {
        if (timer.Purpose == TimerPurpose.Resume)
        {
            // TimerFired is this activity's resume entry: a storm of reminders writes one row less per timer.
            burst.Journal(JournalKind.TimerFired, wait.ActivityKey, message: $"Timer afgegaan (gepland {timer.DueAtUtc:yyyy-MM-dd HH:mm:ss} UTC).");
            await burst.ResumeWaitAsync(wait.Id, new JsonObject { ["firedAt"] = burst.Now.ToString("O"), ["dueAt"] = timer.DueAtUtc.ToString("O") }, journalResume: false);
            await burst.RunAsync();
            return;
        }
        var deadline = DeadlineRecord.Parse(wait.DeadlineJson)
            ?? throw new InvalidOperationException($"Wait {wait.Id} has a {timer.Purpose} timer but no deadline.");
        var number = int.TryParse(timer.Data, out var n) ? n : 1;
        var (kind, journalKind, message) = timer.Purpose switch
        {
            TimerPurpose.Reminder => (DeadlineEventKind.Reminder, JournalKind.DeadlineReminder,
                $"Herinnering ({BusinessDuration.Parse(timer.Data!).ToDutch()} voor de termijn): {deadline.Rule}, uiterlijk {deadline.Final:dd-MM-yyyy}."),
            TimerPurpose.Deadline => (DeadlineEventKind.Expired, JournalKind.DeadlineExpired,
                $"Termijn verstreken: {deadline.Rule}, uiterlijk {deadline.Final:dd-MM-yyyy}. "
                + (deadline.ResumeAtDeadline ? "De stap is verlopen en gaat verder." : "Geëscaleerd naar regie en partner.")),
            _ => (DeadlineEventKind.Escalated, JournalKind.DeadlineEscalated,
                $"Nog steeds te laat ({number}e escalatie): {deadline.Rule}, uiterlijk {deadline.Final:dd-MM-yyyy}."),
        };
        burst.Journal(journalKind, wait.ActivityKey, message: message);
        foreach (var observer in _deadlineObservers)
        {
            await observer.OnDeadlineEventAsync(new DeadlineEventArguments(
                burst.Session, burst.Instance, wait, deadline, kind, timer.Purpose == TimerPurpose.Reminder ? timer.Data : null, number, burst.Now));
        }
        if (timer.Purpose == TimerPurpose.Deadline && deadline.ResumeAtDeadline)
        {
            // The step expires instead of escalating: the activity goes on (e.g. by its Verlopen port).
            await burst.ResumeWaitAsync(wait.Id, new JsonObject { ["expired"] = true, ["dueAt"] = deadline.DueUtc.ToString("O") });
            await burst.RunAsync();
            return;
        }
        if (timer.Purpose != TimerPurpose.Reminder && deadline.RepeatEvery is { } every)
        {
            burst.Session.Add(new WorkflowTimer
            {
                Id = Guid.CreateVersion7(burst.Now),
                InstanceId = burst.Instance.Id,
                WaitId = wait.Id,
                Purpose = TimerPurpose.Escalation,
                DueAtUtc = NextEscalationAfter(timer.DueAtUtc, every, burst.Now).UtcDateTime,
                Data = (number + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                CreatedAtUtc = burst.Now.UtcDateTime,
            });
        }
    }

    /// <summary>
    /// The first escalation moment after <paramref name="now"/> in the rhythm: a dispatcher that was down (or a wait
    /// opened with a start long past) sends one escalation now, not one per missed period.
    /// </summary>
    private DateTimeOffset NextEscalationAfter(DateTime lastUtc, BusinessDuration every, DateTimeOffset now)
    {
        var next = NextEscalation(lastUtc, every);
        for (var guard = 0; next <= now && guard < 10_000; guard++)
        {
            next = NextEscalation(next.UtcDateTime, every);
        }
        return next;
    }

    /// <summary>The next escalation: the same local time of day, <paramref name="every"/> later by the calendar.</summary>
    private DateTimeOffset NextEscalation(DateTime lastUtc, BusinessDuration every)
    {
        if (every.IsTimeUnit)
        {
            return new DateTimeOffset(lastUtc, TimeSpan.Zero) + every.ToTimeSpan();
        }
        var last = TimeZoneInfo.ConvertTimeFromUtc(lastUtc, calendar.TimeZone);
        var day = calendar.Add(DateOnly.FromDateTime(last), every);
        var local = day.ToDateTime(TimeOnly.FromDateTime(last), DateTimeKind.Unspecified);
        return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local));
    }

    /// <summary>After a commit: wake the dispatcher at the earliest timer this burst created.</summary>
    private void ScheduleWakeUp(List<DateTime> newTimerDueTimes)
    {
        if (newTimerDueTimes.Count == 0)
        {
            return;
        }
        try
        {
            timerScheduler.WakeAt(new DateTimeOffset(newTimerDueTimes.Min(), TimeSpan.Zero));
        }
#pragma warning disable CA1031 // the burst has committed; a missed wake-up is covered by the recurring sweep
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWakeFailed(ex);
        }
    }
}

using System.Text.Json.Nodes;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Calendar;

namespace Inburgering.Activities.Timers;

/// <summary>
/// Waits for a duration: hours and shorter by the clock; days, weeks, months, years and werkdagen by the calendar, to
/// the same local time of day (werkdagen skip weekends, holidays and the gemeente's closing days).
/// </summary>
public sealed class Delay(BusinessCalendar calendar) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "Delay", 1, Categories.Waiting, "Wachttijd", "Wacht een vaste tijd, bijvoorbeeld P2W of P5WD.",
        Inputs: [new InputDescriptor("duration", "Duur", InputType.Duration, Required: true)],
        Outcomes: [new OutcomeDescriptor(Outcomes.Done, MustConnect: true)],
        MayWait: true,
        Icon: "timer");

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var text = context.GetRequiredText("duration");
        var duration = BusinessDuration.TryParse(text, out var d, out var error) ? d : throw new ActivityInputException($"'duration' is not a duration: {error}");
        var due = duration.IsTimeUnit ? context.Now + duration.ToTimeSpan() : SameTimeOfDay(context.Now, duration);
        return ValueTask.FromResult(due <= context.Now
            ? ActivityResult.Complete(Outcomes.Done)
            : ActivityResult.WaitFor(new WaitRequest(WaitKinds.Timer, DueAt: due, State: new JsonObject { ["duration"] = duration.ToString() })));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, WaitResumption resumption) =>
        ValueTask.FromResult(ActivityResult.Complete(Outcomes.Done));

    private DateTimeOffset SameTimeOfDay(DateTimeOffset now, BusinessDuration duration)
    {
        var local = TimeZoneInfo.ConvertTime(now, calendar.TimeZone);
        var day = calendar.Add(DateOnly.FromDateTime(local.DateTime), duration);
        var target = day.ToDateTime(TimeOnly.FromDateTime(local.DateTime), DateTimeKind.Unspecified);
        return new DateTimeOffset(target, calendar.TimeZone.GetUtcOffset(target));
    }
}

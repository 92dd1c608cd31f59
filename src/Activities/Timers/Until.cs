using System.Globalization;
using System.Text.Json.Nodes;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Calendar;

namespace Inburgering.Activities.Timers;

/// <summary>
/// Waits until a date, usually computed: <c>{"expression": "datumPlus(variables.pipDatum, 'P3Y')"}</c>. It continues at
/// the start of that day in the calendar's time zone, or at once when the date has passed.
/// </summary>
public sealed class Until(BusinessCalendar calendar) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "Until", 1, Categories.Waiting, "Wachten tot datum", "Wacht tot een datum, bijvoorbeeld het einde van de inburgeringstermijn.",
        Inputs: [new InputDescriptor("date", "Datum", InputType.Date, Required: true, Description: "yyyy-MM-dd of een expressie, bijvoorbeeld datumPlus(variables.pipDatum, 'P3Y').")],
        Outcomes: [new OutcomeDescriptor(Outcomes.Done, MustConnect: true)],
        MayWait: true,
        Icon: "event");

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var text = context.GetRequiredText("date");
        if (!LocalDates.TryParse(text, calendar.TimeZone, out var date))
        {
            throw new ActivityInputException($"'date' must be a date as yyyy-MM-dd (got text of {text.Length} characters).");
        }
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var due = new DateTimeOffset(midnight, calendar.TimeZone.GetUtcOffset(midnight));
        return ValueTask.FromResult(due <= context.Now
            ? ActivityResult.Complete(Outcomes.Done)
            : ActivityResult.WaitFor(new WaitRequest(WaitKinds.Timer, DueAt: due, State: new JsonObject { ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, WaitResumption resumption) =>
        ValueTask.FromResult(ActivityResult.Complete(Outcomes.Done));
}

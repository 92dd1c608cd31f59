using System.Text.Json.Nodes;
using Inburgering.Activities.Deadlines;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Definitions;

namespace Inburgering.Activities.Events;

/// <summary>
/// Waits for a named event for this instance (e.g. <c>DuoKennisgeving</c>, <c>BrpIngeschreven</c>). An event that came
/// before the wait is kept and delivered as soon as the wait opens. The payload can be stored whole and/or mapped into
/// variables by expressions over <c>input</c>. With a deadline the wait is due: reminders go out before it, and once it
/// passes the step escalates (repeatedly, if set) until the event arrives — or, with <c>onDeadline: verlopen</c>, the
/// wait ends at the deadline and the path goes on by <c>Verlopen</c> (a bezwaar term that passes without a bezwaar).
/// </summary>
public sealed class WaitForEvent(BusinessCalendar calendar) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "WaitForEvent", 1, Categories.Waiting, "Wachten op gebeurtenis", "Wacht tot een gebeurtenis voor deze klantreis binnenkomt.",
        Inputs:
        [
            new InputDescriptor("event", "Gebeurtenis", InputType.Text, Required: true, Description: "Naam, bijvoorbeeld DuoKennisgeving."),
            new InputDescriptor("payloadVariable", "Bewaar inhoud in", InputType.VariableName, Description: "Variabele die de hele inhoud krijgt."),
            new InputDescriptor("assign", "Toewijzingen", InputType.Assignments, Description: "Variabele → expressie over input, bijvoorbeeld { \"kennisgevingDatum\": \"input.datum\" }."),
            .. DeadlineInputs.Descriptors,
            DeadlineInputs.OnDeadline,
        ],
        Outcomes: [new OutcomeDescriptor("Ontvangen", MustConnect: true)],
        MayWait: true,
        Icon: "hourglass");

    public IReadOnlyList<OutcomeDescriptor> GetOutcomes(ActivityNode node) => DeadlineInputs.WithExpiry(node, Descriptor.Outcomes);

    public IEnumerable<(string InputPath, string Code, string Message)> Validate(ActivityNode node) => DeadlineInputs.Validate(node);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.WaitFor(new WaitRequest(
            WaitKinds.Event, EventName: context.GetRequiredText("event"), Deadline: DeadlineInputs.Read(context, calendar))));

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, WaitResumption resumption)
    {
        if (DeadlineInputs.IsExpiry(resumption))
        {
            return ValueTask.FromResult(ActivityResult.Complete(DeadlineInputs.Expired));
        }
        if (context.GetText("payloadVariable") is { } target)
        {
            context.SetVariable(target, resumption.Payload);
        }
        if (context.Node.Inputs.GetValueOrDefault("assign") is JsonObject assignments)
        {
            foreach (var (variable, expression) in assignments)
            {
                context.SetVariable(variable, context.Evaluate(expression!.GetValue<string>(), resumption.Payload));
            }
        }
        return ValueTask.FromResult(ActivityResult.Complete("Ontvangen"));
    }
}

using System.Text.Json.Nodes;
using Inburgering.Workflows.Activities;

namespace Inburgering.Activities.Events;

/// <summary>
/// Waits for a named event for this instance (e.g. <c>DuoKennisgeving</c>, <c>BrpIngeschreven</c>). An event that came
/// before the wait is kept and delivered as soon as the wait opens. The payload can be stored whole and/or mapped into
/// variables by expressions over <c>input</c>.
/// </summary>
public sealed class WaitForEvent : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "WaitForEvent", 1, Categories.Waiting, "Wachten op gebeurtenis", "Wacht tot een gebeurtenis voor deze klantreis binnenkomt.",
        Inputs:
        [
            new InputDescriptor("event", "Gebeurtenis", InputType.Text, Required: true, Description: "Naam, bijvoorbeeld DuoKennisgeving."),
            new InputDescriptor("payloadVariable", "Bewaar inhoud in", InputType.VariableName, Description: "Variabele die de hele inhoud krijgt."),
            new InputDescriptor("assign", "Toewijzingen", InputType.Assignments, Description: "Variabele → expressie over input, bijvoorbeeld { \"kennisgevingDatum\": \"input.datum\" }."),
        ],
        Outcomes: [new OutcomeDescriptor("Ontvangen", MustConnect: true)],
        MayWait: true,
        Icon: "hourglass");

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.WaitFor(new WaitRequest(WaitKinds.Event, EventName: context.GetRequiredText("event"))));

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, WaitResumption resumption)
    {
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

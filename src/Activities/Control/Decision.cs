using Inburgering.Workflows.Activities;

namespace Inburgering.Activities.Control;

/// <summary>Chooses Ja or Nee by a condition over variables and parameters.</summary>
public sealed class Decision : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "Decision", 1, Categories.Flow, "Beslissing", "Kiest Ja of Nee op grond van een voorwaarde.",
        Inputs: [new InputDescriptor("condition", "Voorwaarde", InputType.Condition, Required: true,
            Description: "JavaScript, bijvoorbeeld variables.leerroute === 'B1'.")],
        Outcomes: [new OutcomeDescriptor(Outcomes.Yes, MustConnect: true), new OutcomeDescriptor(Outcomes.No, MustConnect: true)],
        Icon: "call_split");

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var yes = context.EvaluateCondition(context.GetRequiredText("condition"));
        return ValueTask.FromResult(ActivityResult.Complete(yes ? Outcomes.Yes : Outcomes.No));
    }
}

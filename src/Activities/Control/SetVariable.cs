using Inburgering.Workflows.Activities;

namespace Inburgering.Activities.Control;

/// <summary>Sets a declared variable to the value of an expression.</summary>
public sealed class SetVariable : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "SetVariable", 1, Categories.Data, "Variabele zetten", "Geeft een variabele een nieuwe waarde.",
        Inputs:
        [
            new InputDescriptor("variable", "Variabele", InputType.VariableName, Required: true),
            new InputDescriptor("value", "Waarde", InputType.Expression, Required: true, Description: "JavaScript, bijvoorbeeld variables.pogingen + 1."),
        ],
        Outcomes: [new OutcomeDescriptor(Outcomes.Done, MustConnect: true)],
        Icon: "edit");

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.SetVariable(context.GetRequiredText("variable"), context.Evaluate(context.GetRequiredText("value")));
        return ValueTask.FromResult(ActivityResult.Complete(Outcomes.Done));
    }
}

using Inburgering.Workflows.Activities;

namespace Inburgering.Activities.Control;

/// <summary>Where every instance begins. Exactly one per definition.</summary>
public sealed class Start : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        WellKnownActivityTypes.Start, 1, Categories.Flow, "Start", "Hier begint elke klantreis van deze werkstroom.",
        Inputs: [],
        Outcomes: [new OutcomeDescriptor(Outcomes.Done, MustConnect: true)],
        Icon: "play");

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Complete(Outcomes.Done));
}

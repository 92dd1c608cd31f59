using Inburgering.Workflows.Activities;

namespace Inburgering.Workflows.Tests.Definitions.Validation;

/// <summary>A test-only activity with one input of each value type, so every input rule can be triggered on its own.</summary>
internal sealed class ProbeActivity : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "Probe", 1, "Test", "Probe", "Test activity",
        Inputs:
        [
            new InputDescriptor("termijn", "Termijn", InputType.Duration),
            new InputDescriptor("datum", "Datum", InputType.Date),
            new InputDescriptor("aantal", "Aantal", InputType.Number),
        ],
        Outcomes: [new OutcomeDescriptor(Outcomes.Done)]);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Complete(Outcomes.Done));
}

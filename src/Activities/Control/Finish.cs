using System.Text.Json.Nodes;
using Inburgering.Workflows.Activities;

namespace Inburgering.Activities.Control;

/// <summary>
/// Ends the path (type name <c>End</c>; the class avoids the VB keyword). With <c>terminate</c> it ends the whole instance at once and cancels every other waiting path
/// (e.g. "verhuisd: klantreis hier beëindigd"); otherwise the instance completes when its last path ends. With <c>erase</c>
/// it ends the whole instance and has the engine's records of it erased afterwards (the end of the bewaartermijn,
/// Besluit inburgering 2021 art. 9.9; see <c>Retention/RetentionSweep</c>).
/// </summary>
public sealed class Finish : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "End", 1, Categories.Flow, "Einde", "Beëindigt dit pad, of met 'beëindig alles' de hele klantreis.",
        Inputs:
        [
            new InputDescriptor("terminate", "Beëindig alles", InputType.Boolean, Default: JsonValue.Create(false),
                Description: "Sluit ook alle andere wachtende paden af."),
            new InputDescriptor("erase", "Gegevens daarna wissen", InputType.Boolean, Default: JsonValue.Create(false),
                Description: "Beëindigt de hele klantreis en wist daarna alles wat de werkstroom ervan bewaart (Besluit 9.9): alleen aan het einde van de bewaartermijn."),
        ],
        Outcomes: [],
        Icon: "stop");

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (Flag(context, "erase"))
        {
            return ValueTask.FromResult(ActivityResult.TerminateAndErase());
        }
        return ValueTask.FromResult(Flag(context, "terminate") ? ActivityResult.Terminate() : ActivityResult.Complete());
    }

    private static bool Flag(ActivityContext context, string input) => context.GetInput(input) is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}

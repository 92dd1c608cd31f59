using System.Text.Json.Nodes;
using Inburgering.Workflows.Activities;

namespace Inburgering.Activities.Control;

/// <summary>
/// Ends the path (type name <c>End</c>; the class avoids the VB keyword). With <c>terminate</c> it ends the whole instance at once and cancels every other waiting path
/// (e.g. "verhuisd: klantreis hier beëindigd"); otherwise the instance completes when its last path ends.
/// </summary>
public sealed class Finish : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "End", 1, Categories.Flow, "Einde", "Beëindigt dit pad, of met 'beëindig alles' de hele klantreis.",
        Inputs: [new InputDescriptor("terminate", "Beëindig alles", InputType.Boolean, Default: JsonValue.Create(false),
            Description: "Sluit ook alle andere wachtende paden af.")],
        Outcomes: [],
        Icon: "stop");

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var terminate = context.GetInput("terminate") is JsonValue v && v.TryGetValue<bool>(out var b) && b;
        return ValueTask.FromResult(terminate ? ActivityResult.Terminate() : ActivityResult.Complete());
    }
}

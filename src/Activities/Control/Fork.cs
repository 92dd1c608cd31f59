using System.Text.Json.Nodes;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Definitions;

namespace Inburgering.Activities.Control;

/// <summary>Splits the path into parallel branches, one per named port; all run in the same burst until they wait.</summary>
public sealed class Fork : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "Fork", 1, Categories.Flow, "Splitsen", "Start meerdere takken tegelijk (bijvoorbeeld PVT, MAP en leerroute).",
        Inputs: [new InputDescriptor("branches", "Takken", InputType.NameList, Required: true, Description: "Namen van de takken, elk een eigen uitgang.")],
        Outcomes: [],
        Icon: "fork_right");

    public IReadOnlyList<OutcomeDescriptor> GetOutcomes(ActivityNode node) =>
        [.. Branches(node).Select(b => new OutcomeDescriptor(b, MustConnect: true))];

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Complete([.. Branches(context.Node)]));

    private static IEnumerable<string> Branches(ActivityNode node) =>
        (node.Inputs.GetValueOrDefault("branches") as JsonArray ?? [])
        .Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
        .OfType<string>()
        .Distinct(StringComparer.Ordinal);
}

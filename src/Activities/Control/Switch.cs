using System.Text.Json.Nodes;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Definitions;

namespace Inburgering.Activities.Control;

/// <summary>
/// Leaves by the first case whose condition holds, in the order written, or by <c>Anders</c> when none does
/// (the path ends there if Anders is not connected).
/// </summary>
public sealed class Switch : IActivity
{
    public const string Otherwise = "Anders";

    public ActivityDescriptor Descriptor { get; } = new(
        "Switch", 1, Categories.Flow, "Keuze", "Kiest de eerste tak waarvan de voorwaarde klopt.",
        Inputs: [new InputDescriptor("cases", "Takken", InputType.Cases, Required: true,
            Description: "Lijst van { name, condition }; de eerste die klopt wint.")],
        Outcomes: [new OutcomeDescriptor(Otherwise)],
        Icon: "alt_route");

    public IReadOnlyList<OutcomeDescriptor> GetOutcomes(ActivityNode node) =>
        [.. CaseNames(node).Select(name => new OutcomeDescriptor(name, MustConnect: true)), new OutcomeDescriptor(Otherwise)];

    public IEnumerable<(string InputPath, string Code, string Message)> Validate(ActivityNode node)
    {
        if (CaseNames(node).Contains(Otherwise))
        {
            yield return ("cases", DefinitionErrorCodes.InvalidInputType, $"'{Otherwise}' is the name of the port used when no case holds; give the case another name.");
        }
    }

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        foreach (var item in context.Node.Inputs["cases"] as JsonArray ?? [])
        {
            if (item is JsonObject c && context.EvaluateCondition(c["condition"]!.GetValue<string>()))
            {
                return ValueTask.FromResult(ActivityResult.Complete(c["name"]!.GetValue<string>()));
            }
        }
        return ValueTask.FromResult(ActivityResult.Complete(Otherwise));
    }

    private static IEnumerable<string> CaseNames(ActivityNode node) =>
        (node.Inputs.GetValueOrDefault("cases") as JsonArray ?? [])
        .OfType<JsonObject>()
        .Select(c => c["name"] is JsonValue v && v.TryGetValue<string>(out var name) ? name : null)
        .OfType<string>();
}

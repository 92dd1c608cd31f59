using Inburgering.Workflows.Definitions;

namespace Inburgering.Workflows.Execution;

/// <summary>
/// Where a new instance begins: the Start activity, or the activities a taken-over klantreis is at
/// (<see cref="StartInstanceRequest.StartAt"/>). A Join is refused: it counts the branches that arrive by their
/// connections, and a path placed on it arrives by none, so it would wait for ever; start at the branches before it.
/// </summary>
public static class StartPoints
{
    private const string Join = "Join";

    /// <summary>How the journal's first line of a taken-over instance begins (readers such as the timeline tell it apart by it).</summary>
    public const string TakeOverPrefix = "Overgenomen op ";

    internal static IReadOnlyList<CompiledNode> Resolve(WorkflowDefinition definition, IReadOnlyList<string>? startAt)
    {
        if (startAt is null || startAt.Count == 0)
        {
            return [definition.Start];
        }
        var errors = new List<FieldError>();
        var nodes = new List<CompiledNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < startAt.Count; i++)
        {
            var key = startAt[i];
            var field = $"startAt[{i}]";
            if (string.IsNullOrWhiteSpace(key) || !definition.Nodes.TryGetValue(key, out var node))
            {
                errors.Add(new FieldError(field, $"The definition {definition.Id} version {definition.Version} has no activity '{key}'."));
            }
            else if (!seen.Add(key))
            {
                errors.Add(new FieldError(field, $"'{key}' is named twice; each activity starts once."));
            }
            else if (node.Node.Type == Join)
            {
                errors.Add(new FieldError(field, $"'{key}' is a Join, which would wait for ever for branches that never arrive; start at the activities before it."));
            }
            else
            {
                nodes.Add(node);
            }
        }
        return errors.Count > 0 ? throw new InvalidInputException("The start activities are not valid.", errors) : nodes;
    }

    /// <summary>The journal's first line: where the instance began, and for a take-over, that it is one.</summary>
    internal static string Describe(WorkflowDefinition definition, IReadOnlyList<CompiledNode> startAt) =>
        startAt is [var only] && only == definition.Start
            ? $"Gestart op {definition.Id} versie {definition.Version}."
            : $"{TakeOverPrefix}{definition.Id} versie {definition.Version}: gestart bij {string.Join(", ", startAt.Select(n => $"'{n.Key}'"))}.";
}

using System.Text.Json.Nodes;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Definitions;

namespace Inburgering.Workflows.Execution;

/// <summary>
/// Where a new instance begins: the Start activity, or the activities a taken-over klantreis is at
/// (<see cref="StartInstanceRequest.StartAt"/>). A Join is refused as a start point: it counts the branches that arrive
/// by their connections, and a path placed on it arrives by none; start at the branches before it. A Join that waits
/// for all its branches, downstream of the start points, counts each branch none of the start points leads into as
/// already arrived: that part of the journey happened elsewhere (<see cref="ArrivedElsewhere"/>).
/// </summary>
public static class StartPoints
{
    /// <summary>How the journal's first line of a taken-over instance begins (<see cref="TakeOverDetail"/> reads it back).</summary>
    public const string TakeOverPrefix = "Overgenomen op ";

    /// <summary>
    /// Where the instance keeps <see cref="ArrivedElsewhere"/>: an entry of its node state that no activity key can take
    /// (keys are lower case letters, digits and dashes), read by each Join through <see cref="ActivityContext.ArrivedElsewhere"/>.
    /// Kept apart from the Join's own arrivals, so a Join that is never reached is not taken for a stuck one.
    /// </summary>
    internal const string ArrivedElsewhereKey = "~elders";

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NothingElsewhere = new Dictionary<string, IReadOnlyList<string>>();

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
            else if (node.Node.Type == JoinArrivals.ActivityType)
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

    /// <summary>
    /// For a take-over: per Join (all) that a start point leads into, its incoming connections from branches no start point
    /// leads into — they ran before the take-over, or never will here — to be counted as arrived. Empty for a normal start.
    /// </summary>
    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> ArrivedElsewhere(WorkflowDefinition definition, IReadOnlyList<CompiledNode> startAt)
    {
        if (IsNormalStart(definition, startAt))
        {
            return NothingElsewhere; // every start comes here: no allocation for the usual one
        }
        var starts = startAt.Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
        bool Reached(string key) => starts.Contains(key) || definition.AncestorsOf(key).Overlaps(starts);
        return definition.Nodes.Values
            .Where(n => JoinArrivals.WaitsForAll(n) && Reached(n.Key))
            .Select(n => (Join: n.Key, Elsewhere: n.Incoming.Where(c => !Reached(c.From)).Select(JoinArrivals.Id).Order(StringComparer.Ordinal).ToList()))
            .Where(j => j.Elsewhere.Count > 0)
            .OrderBy(j => j.Join, StringComparer.Ordinal)
            .ToDictionary(j => j.Join, j => (IReadOnlyList<string>)j.Elsewhere, StringComparer.Ordinal);
    }

    /// <summary>The journal's first line: where the instance began; for a take-over, that it is one and what counted as done.</summary>
    internal static string Describe(WorkflowDefinition definition, IReadOnlyList<CompiledNode> startAt, IReadOnlyDictionary<string, IReadOnlyList<string>> arrivedElsewhere)
    {
        if (IsNormalStart(definition, startAt))
        {
            return $"Gestart op {definition.Id} versie {definition.Version}.";
        }
        var text = $"{TakeOverPrefix}{definition.Id} versie {definition.Version}{DetailSeparator}gestart bij {string.Join(", ", startAt.Select(n => $"'{n.Key}'"))}";
        foreach (var (join, elsewhere) in arrivedElsewhere)
        {
            text += $"; '{join}' telt {string.Join(", ", elsewhere.Select(c => $"'{c}'"))} als al gedaan";
        }
        return text + ".";
    }

    /// <summary>
    /// For a journal line written by <see cref="Describe"/> for a take-over: what came after the definition and version
    /// (where it began and what counted as done); null for any other line.
    /// </summary>
    public static string? TakeOverDetail(string? journalMessage) =>
        journalMessage is not null && journalMessage.StartsWith(TakeOverPrefix, StringComparison.Ordinal)
            && journalMessage.IndexOf(DetailSeparator, StringComparison.Ordinal) is var at and >= 0
            ? journalMessage[(at + DetailSeparator.Length)..]
            : null;

    private const string DetailSeparator = ": ";

    /// <summary>The node-state entry a take-over begins with (under <see cref="ArrivedElsewhereKey"/>).</summary>
    internal static JsonObject Record(IReadOnlyDictionary<string, IReadOnlyList<string>> arrivedElsewhere) =>
        new(arrivedElsewhere.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JoinArrivals.Write(p.Value))));

    private static bool IsNormalStart(WorkflowDefinition definition, IReadOnlyList<CompiledNode> startAt) =>
        startAt is [var only] && only == definition.Start;
}

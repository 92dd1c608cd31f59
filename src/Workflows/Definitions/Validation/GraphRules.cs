using Inburgering.Workflows.Activities;

namespace Inburgering.Workflows.Definitions.Validation;

/// <summary>The flowchart as a whole: one start, everything reachable from it, and no loop that never waits.</summary>
internal static class GraphRules
{
    public static void Check(ValidationContext ctx)
    {
        var starts = ctx.NodesByKey.Values.Where(n => n.Type == WellKnownActivityTypes.Start).ToList();
        if (starts.Count == 0)
        {
            ctx.Add("$.activities", DefinitionErrorCodes.NoStart, $"The definition has no '{WellKnownActivityTypes.Start}' activity, so an instance would not know where to begin.");
        }
        foreach (var extra in starts.Skip(1))
        {
            ctx.Add(ctx.PathOf(extra), DefinitionErrorCodes.MultipleStarts, $"Only one '{WellKnownActivityTypes.Start}' activity is allowed; '{extra.Key}' is an extra one.");
        }

        var next = ctx.Model.Connections
            .Where(c => ctx.NodesByKey.ContainsKey(c.From) && ctx.NodesByKey.ContainsKey(c.To))
            .ToLookup(c => c.From, c => c.To, StringComparer.Ordinal);
        if (starts.Count == 1)
        {
            var reached = Reachable(starts[0].Key, next);
            // An extra Start is reported as such, not as unreachable as well.
            foreach (var node in ctx.NodesByKey.Values.Where(n => !reached.Contains(n.Key) && n.Type != WellKnownActivityTypes.Start))
            {
                ctx.Add(ctx.PathOf(node), DefinitionErrorCodes.UnreachableActivity, $"No path from the start reaches '{node.Key}'; connect it or remove it.");
            }
        }
        CheckEndlessCycles(ctx, next);
    }

    private static HashSet<string> Reachable(string start, ILookup<string, string> next)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var key))
        {
            foreach (var target in next[key].Where(reached.Add))
            {
                queue.Enqueue(target);
            }
        }
        return reached;
    }

    /// <summary>
    /// A loop made only of activities that never wait would spin inside one burst forever. Such loops are the strongly
    /// connected components of the graph restricted to non-waiting activities.
    /// </summary>
    private static void CheckEndlessCycles(ValidationContext ctx, ILookup<string, string> next)
    {
        var instant = ctx.NodesByKey.Values
            .Where(n => ctx.TypeOf(n) is { Descriptor.MayWait: false })
            .Select(n => n.Key)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var component in StronglyConnected.Components(instant, key => next[key].Where(instant.Contains)))
        {
            var isLoop = component.Count > 1 || next[component[0]].Contains(component[0]);
            if (isLoop)
            {
                var first = ctx.NodesByKey[component[0]];
                ctx.Add(ctx.PathOf(first), DefinitionErrorCodes.EndlessCycle,
                    $"These activities form a loop in which nothing waits, so it could run forever: {string.Join(" → ", component)} → {component[0]}. Put an activity that waits (an event, a task or a timer) in the loop.");
            }
        }
    }
}

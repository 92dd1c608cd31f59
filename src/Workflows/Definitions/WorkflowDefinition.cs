using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Inburgering.Workflows.Activities;

namespace Inburgering.Workflows.Definitions;

/// <summary>
/// A validated, immutable definition version, compiled for execution: nodes bound to their activity types and
/// connections indexed both ways. Built once per version and cached, so a step costs no graph work.
/// </summary>
public sealed class WorkflowDefinition
{
    private readonly ConcurrentDictionary<string, FrozenSet<string>> _ancestors = new(StringComparer.Ordinal);

    private WorkflowDefinition(WorkflowDefinitionModel model, int version, FrozenDictionary<string, CompiledNode> nodes, CompiledNode start)
    {
        Model = model;
        Version = version;
        Nodes = nodes;
        Start = start;
        ParameterDefaults = model.Parameters.ToFrozenDictionary(p => p.Name, p => p.Default?.DeepClone(), StringComparer.Ordinal);
    }

    public string Id => Model.Id;

    public int Version { get; }

    public WorkflowDefinitionModel Model { get; }

    public FrozenDictionary<string, CompiledNode> Nodes { get; }

    public CompiledNode Start { get; }

    public FrozenDictionary<string, JsonNode?> ParameterDefaults { get; }

    /// <summary>Compiles a model that passed validation; throws when it did not (a programming error, not user input).</summary>
    public static WorkflowDefinition Compile(WorkflowDefinitionModel model, int version, ActivityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(registry);
        var outgoing = model.Connections.ToLookup(c => c.From, StringComparer.Ordinal);
        var incoming = model.Connections.ToLookup(c => c.To, StringComparer.Ordinal);
        var nodes = model.Activities.ToFrozenDictionary(
            n => n.Key,
            n => new CompiledNode(
                n,
                registry.Find(n.Type) ?? throw new InvalidOperationException($"Definition {model.Id} v{version} uses unknown activity type '{n.Type}'; validate before compiling."),
                outgoing[n.Key].ToLookup(c => c.Outcome, StringComparer.Ordinal),
                [.. incoming[n.Key]]),
            StringComparer.Ordinal);
        var start = nodes.Values.Single(n => n.Node.Type == WellKnownActivityTypes.Start);
        return new WorkflowDefinition(model, version, nodes, start);
    }

    /// <summary>Every activity from which <paramref name="key"/> can be reached (computed once per key).</summary>
    public FrozenSet<string> AncestorsOf(string key) => _ancestors.GetOrAdd(key, k =>
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([k]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var connection in Nodes[current].Incoming.Where(c => seen.Add(c.From)))
            {
                queue.Enqueue(connection.From);
            }
        }
        seen.Remove(k);
        return seen.ToFrozenSet(StringComparer.Ordinal);
    });
}

/// <summary>One node bound to its activity type, with its connections.</summary>
public sealed record CompiledNode(ActivityNode Node, IActivity Activity, ILookup<string, Connection> Outgoing, IReadOnlyList<Connection> Incoming)
{
    public string Key => Node.Key;
}

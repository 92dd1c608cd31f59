using System.Text.Json.Nodes;
using Inburgering.Workflows.Definitions;

namespace Inburgering.Workflows.Activities;

/// <summary>
/// What a Join keeps between arrivals: the ids (<c>from.outcome</c>) of the incoming connections a path has arrived by,
/// as a JSON array in its node state. Shared by the Join activity and the engine, which reads it too: a Join still
/// holding arrivals when nothing waits is stuck, and a taken-over klantreis counts the branches that ran elsewhere as
/// arrived (<see cref="Execution.StartPoints"/>).
/// </summary>
public static class JoinArrivals
{
    public const string ActivityType = "Join";

    public const string ModeAll = "all";

    public static string Id(Connection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return $"{connection.From}.{connection.Outcome}";
    }

    /// <summary>No arrivals: what a Join reads when nothing was recorded (shared, never changed).</summary>
    public static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    public static HashSet<string> Read(JsonNode? state) =>
        (state as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

    public static JsonArray Write(IEnumerable<string> arrived) =>
        new([.. arrived.Order(StringComparer.Ordinal).Select(a => (JsonNode)JsonValue.Create(a))]);

    /// <summary>True for a Join that waits for all its branches (the default); false for "any" or another activity.</summary>
    public static bool WaitsForAll(CompiledNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Node.Type == ActivityType
            && (!node.Node.Inputs.TryGetValue("mode", out var mode) || mode is null || (mode is JsonValue value && value.TryGetValue<string>(out var text) && text == ModeAll));
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Tasks;

/// <summary>
/// What a PartnerTask activity asks for, carried as the state of its <c>Task</c> wait; the task observer turns it into
/// a <see cref="PartnerTask"/> row in the same transaction.
/// </summary>
/// <param name="ExpiresAtDeadline">At the deadline the task expires and the path goes on by <c>Verlopen</c>, instead of escalating.</param>
public sealed record TaskSpec(
    string TaskType, string Organisation, string? Assignee, string Title, string? Instructions, TaskForm Form,
    IReadOnlyList<string> SharedVariables, bool ExpiresAtDeadline)
{
    public JsonNode ToNode() => JsonSerializer.SerializeToNode(this, TaskForm.Json)!;

    public static TaskSpec From(JsonNode? node) =>
        node?.Deserialize<TaskSpec>(TaskForm.Json) ?? throw new InvalidOperationException("A task wait carries no task specification.");
}

using Inburgering.Contracts.Tasks;

namespace Inburgering.Workflows.Outbox;

/// <summary>
/// The contracts the engine may put in the outbox, by their stable type name. A row's type is resolved here when it is
/// published, so a renamed or removed contract fails loudly instead of sending something else.
/// </summary>
public static class OutboxMessageTypes
{
    private static readonly Dictionary<string, Type> ByName = new[]
    {
        typeof(TaskAssigned), typeof(TaskReminder), typeof(TaskOverdue), typeof(TaskCancelled), typeof(TaskCompleted),
        typeof(TaskExpired), typeof(StepOverdue),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<Type> All => ByName.Values;

    public static Type Resolve(string name) =>
        ByName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"'{name}' is not an outbound message type.");

    public static bool IsKnown(Type type) => ByName.ContainsKey(type.Name) && ByName[type.Name] == type;
}

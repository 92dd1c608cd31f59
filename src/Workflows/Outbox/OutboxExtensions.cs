using System.Text.Json;
using Inburgering.Workflows.Persistence;

namespace Inburgering.Workflows.Outbox;

public static class OutboxExtensions
{
    internal static JsonSerializerOptions Json => JsonSerializerOptions.Web;

    /// <summary>
    /// Adds an outbound message to the unit of work of <paramref name="db"/> (a burst's context): it is published only
    /// if that unit commits. Never call this with a context that is not about to be saved.
    /// </summary>
    public static OutboxMessage AddOutboxMessage<T>(this WorkflowsDbContext db, T message, Guid? instanceId, string? subject, DateTimeOffset now)
        where T : class
    {
        if (!OutboxMessageTypes.IsKnown(typeof(T)))
        {
            throw new ArgumentException($"{typeof(T).Name} is not an outbound message type; add it to OutboxMessageTypes.", nameof(message));
        }
        ArgumentNullException.ThrowIfNull(db);
        var row = new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            MessageType = typeof(T).Name,
            PayloadJson = JsonSerializer.Serialize(message, Json),
            InstanceId = instanceId,
            Subject = subject,
            CreatedAtUtc = now.UtcDateTime,
        };
        db.Outbox.Add(row);
        return row;
    }
}

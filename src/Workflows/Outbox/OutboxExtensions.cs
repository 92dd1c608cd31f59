using System.Text.Json;
using Inburgering.Workflows.Stores;

namespace Inburgering.Workflows.Outbox;

public static class OutboxExtensions
{
    internal static JsonSerializerOptions Json => JsonSerializerOptions.Web;

    /// <summary>
    /// Adds an outbound message to <paramref name="session"/> (a burst's unit of work): it is published only if that unit
    /// commits. Never call this with a unit that is not about to be committed.
    /// </summary>
    public static OutboxMessage AddOutboxMessage<T>(this IStoreSession session, T message, Guid? instanceId, string? subject, DateTimeOffset now)
        where T : class
    {
        if (!OutboxMessageTypes.IsKnown(typeof(T)))
        {
            throw new ArgumentException($"{typeof(T).Name} is not an outbound message type; add it to OutboxMessageTypes.", nameof(message));
        }
        ArgumentNullException.ThrowIfNull(session);
        var row = new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            MessageType = typeof(T).Name,
            PayloadJson = JsonSerializer.Serialize(message, Json),
            InstanceId = instanceId,
            Subject = subject,
            CreatedAtUtc = now.UtcDateTime,
        };
        session.Add(row);
        return row;
    }
}

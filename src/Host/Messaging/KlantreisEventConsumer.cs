using System.Text.Json;
using Inburgering.Contracts.Klantreis;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Tasks;
using MassTransit;

namespace Inburgering.Host.Messaging;

/// <summary>
/// An inbound klantreis event (e.g. <c>DuoKennisgeving</c>) becomes the workflow event of the same name for every
/// running instance with that klantreis id, or is kept until one waits for it. Idempotent by MessageId per instance.
/// </summary>
internal sealed class KlantreisEventConsumer<T>(WorkflowRunner runner) : IConsumer<T> where T : class, IKlantreisEvent
{
    public async Task Consume(ConsumeContext<T> context)
    {
        var key = context.Message.KlantreisId;
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            throw new InvalidMessageException($"{typeof(T).Name} zonder geldige klantreisId (1 tot 200 tekens).");
        }
        if (Bsn.Contains(key))
        {
            throw new InvalidMessageException($"{typeof(T).Name}: de klantreisId lijkt een BSN te bevatten; gebruik het pseudonieme klantreis-id.");
        }
        await runner.DeliverEventByCorrelationAsync(
            key, typeof(T).Name, JsonSerializer.SerializeToNode(context.Message, JsonSerializerOptions.Web), context.MessageId?.ToString(), context.CancellationToken);
    }

    /// <summary>The queue of this event type, e.g. <c>inburgering-duo-kennisgeving</c>.</summary>
    public static string QueueName => "inburgering-" + MassTransitOutboxTransport.Kebab(typeof(T).Name);
}

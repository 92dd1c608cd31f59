using System.Text.RegularExpressions;
using Inburgering.Workflows.Outbox;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Inburgering.Host.Messaging;

/// <summary>
/// Publishes outbox rows with MassTransit: the row id is the MessageId (stable across redeliveries) and the CloudEvents
/// attributes go in as headers. RabbitMQ's publisher confirms make the call return only when the broker has the message.
/// </summary>
internal sealed partial class MassTransitOutboxTransport(IBus bus, IOptions<CloudEventsOptions> options) : IOutboxTransport
{
    public Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var ce = options.Value;
        return bus.Publish(message.Message, message.MessageType, context =>
        {
            context.MessageId = message.Id;
            context.Headers.Set("cloudEvents:specversion", "1.0");
            context.Headers.Set("cloudEvents:id", message.Id.ToString());
            context.Headers.Set("cloudEvents:source", ce.Source);
            context.Headers.Set("cloudEvents:type", $"{ce.TypePrefix}.{Kebab(message.MessageType.Name)}");
            context.Headers.Set("cloudEvents:time", message.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            context.Headers.Set("cloudEvents:datacontenttype", "application/json");
            if (message.Subject is { } subject)
            {
                context.Headers.Set("cloudEvents:subject", subject);
            }
            if (ce.ApiBaseUrl is { } api && message.Message.GetType().GetProperty("TaskId")?.GetValue(message.Message) is Guid taskId)
            {
                context.Headers.Set("cloudEvents:dataref", new Uri(api, $"/api/tasks/{taskId}").ToString());
            }
        }, cancellationToken);
    }

    internal static string Kebab(string name) => CapitalBoundary().Replace(name, "-$1").ToLowerInvariant();

    [GeneratedRegex("(?<!^)([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalBoundary();
}

using System.Text;
using RabbitMQ.Client;

namespace Inburgering.Host.Tests.Infrastructure;

/// <summary>The broker without MassTransit: to put bytes that are not a valid message on a queue, and to read an error queue.</summary>
public static class RawAmqp
{
    public static async Task PublishAsync(Uri broker, string queue, string body, string contentType = "application/vnd.masstransit+json")
    {
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = contentType, MessageId = Guid.NewGuid().ToString(), Persistent = true };
        await channel.BasicPublishAsync("", queue, mandatory: true, properties, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>Takes the messages on <paramref name="queue"/> (waiting up to <paramref name="timeout"/> for at least <paramref name="count"/>).</summary>
    public static async Task<List<(string Body, IDictionary<string, object?> Headers)>> TakeAsync(Uri broker, string queue, int count, TimeSpan timeout)
    {
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var taken = new List<(string, IDictionary<string, object?>)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (taken.Count < count && clock.Elapsed < timeout)
        {
            BasicGetResult? result = null;
            try
            {
                result = await channel.BasicGetAsync(queue, autoAck: true);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // The queue does not exist yet (MassTransit creates the error queue on the first fault).
                await channel.DisposeAsync();
                return taken.Count > 0 ? taken : await RetryLaterAsync(broker, queue, count, timeout - clock.Elapsed);
            }
            if (result is null)
            {
                await Task.Delay(200);
                continue;
            }
            taken.Add((Encoding.UTF8.GetString(result.Body.Span), result.BasicProperties.Headers ?? new Dictionary<string, object?>()));
        }
        return taken;
    }

    private static async Task<List<(string, IDictionary<string, object?>)>> RetryLaterAsync(Uri broker, string queue, int count, TimeSpan left)
    {
        if (left <= TimeSpan.Zero)
        {
            return [];
        }
        await Task.Delay(500);
        return await TakeAsync(broker, queue, count, left - TimeSpan.FromMilliseconds(500));
    }

    /// <summary>An AMQP header value as text (RabbitMQ.Client hands strings over as bytes).</summary>
    public static string Text(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        null => "",
        _ => value.ToString() ?? "",
    };
}

using System.Collections.Concurrent;
using Inburgering.Workflows.Outbox;

namespace Inburgering.Workflows.Tests.Outbox;

/// <summary>A transport that keeps what it was given, and can be told to fail (the broker is down) for a while.</summary>
internal sealed class RecordingTransport : IOutboxTransport
{
    public ConcurrentQueue<OutgoingMessage> Published { get; } = new();

    public volatile bool Down;

    public int Failures;

    public Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (Down)
        {
            Interlocked.Increment(ref Failures);
            throw new InvalidOperationException("Broker unreachable.");
        }
        Published.Enqueue(message);
        return Task.CompletedTask;
    }
}

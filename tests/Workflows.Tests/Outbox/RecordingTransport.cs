using System.Collections.Concurrent;
using Inburgering.Workflows.Outbox;

namespace Inburgering.Workflows.Tests.Outbox;

/// <summary>A transport that keeps what it was given, and can be told to fail (the broker is down) for a while.</summary>
internal sealed class RecordingTransport : IOutboxTransport
{
    public ConcurrentQueue<OutgoingMessage> Published { get; } = new();

    public volatile bool Down;

    public int Failures;

    /// <summary>How long the broker takes to confirm a message (real time: the dispatcher's concurrency is under test).</summary>
    public Func<OutgoingMessage, TimeSpan> ConfirmTime { get; set; } = _ => TimeSpan.Zero;

    public async Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (Down)
        {
            Interlocked.Increment(ref Failures);
            throw new InvalidOperationException("Broker unreachable.");
        }
        if (ConfirmTime(message) is { } wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
        Published.Enqueue(message);
    }
}

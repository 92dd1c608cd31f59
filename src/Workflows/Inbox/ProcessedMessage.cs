namespace Inburgering.Workflows.Inbox;

/// <summary>
/// An inbound message that had its effect, written in the same transaction as that effect: the second delivery of the
/// same message finds it and does nothing (idempotent consumers, architecture decision 5).
/// </summary>
public sealed class ProcessedMessage
{
    /// <summary>The sender's message id (MassTransit MessageId, CloudEvents id or an HTTP Idempotency-Key).</summary>
    public string MessageId { get; set; } = "";

    /// <summary>What processed it, e.g. <c>CompleteTask</c> or <c>event:&lt;instance id&gt;</c>: one message may reach several instances.</summary>
    public string Receiver { get; set; } = "";

    public DateTime ProcessedAtUtc { get; set; }

    /// <summary>A short account of the effect, returned to a repeated request.</summary>
    public string? Result { get; set; }
}

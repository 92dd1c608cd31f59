namespace Inburgering.Workflows.Outbox;

/// <summary>
/// A message to publish, written as a row in the transaction of the burst that caused it: it exists if and only if
/// that burst committed. The dispatcher publishes it with <see cref="Id"/> as the MassTransit MessageId (and the
/// CloudEvents id), so a redelivery after a crash carries the same id and consumers can deduplicate.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>
    /// Insertion order, assigned by the database. A burst's rows and an instance's successive bursts get increasing
    /// numbers, so publishing in this order keeps each klantreis's messages in the order they happened (GUIDs made in
    /// the same millisecond are not ordered).
    /// </summary>
    public long Sequence { get; set; }

    /// <summary>The message id partners see (MassTransit MessageId, CloudEvents id).</summary>
    public Guid Id { get; set; }

    /// <summary>The contract's type name, e.g. <c>TaskAssigned</c> (see <see cref="OutboxMessageTypes"/>).</summary>
    public string MessageType { get; set; } = "";

    public string PayloadJson { get; set; } = "{}";

    /// <summary>The instance whose burst wrote it: messages of one instance are published in order.</summary>
    public Guid? InstanceId { get; set; }

    /// <summary>The CloudEvents subject: the pseudonymous klantreis id (never personal data).</summary>
    public string? Subject { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Set once the broker confirmed it; the row is kept for a while to answer "was the partner told?".</summary>
    public DateTime? DispatchedAtUtc { get; set; }

    /// <summary>A dispatcher's lease on the row: others skip it until this passes (also the retry back-off).</summary>
    public DateTime? ClaimedUntilUtc { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>A shallow copy (every member is a value or an immutable string): what a store hands out or keeps.</summary>
    internal OutboxMessage Copy() => (OutboxMessage)MemberwiseClone();
}

namespace Inburgering.Workflows.Instances;

/// <summary>
/// An event that arrived before anything waited for it (the stimulus queue). It is delivered in the burst that opens a
/// matching wait. Addressed to one instance, or to a correlation key when no instance with that key existed yet.
/// </summary>
public sealed class PendingEvent
{
    public Guid Id { get; set; }

    public Guid? InstanceId { get; set; }

    public string? CorrelationKey { get; set; }

    public required string EventName { get; set; }

    public string? PayloadJson { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>A shallow copy (every member is a value or an immutable string): what a store hands out or keeps.</summary>
    internal PendingEvent Copy() => (PendingEvent)MemberwiseClone();
}

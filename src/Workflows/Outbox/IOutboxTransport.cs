namespace Inburgering.Workflows.Outbox;

/// <summary>Where the dispatcher publishes to: MassTransit in the Host, a list in tests.</summary>
public interface IOutboxTransport
{
    /// <summary>Publishes one message; returns when the broker has it (publisher confirm), throws when it does not.</summary>
    Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>A message as the dispatcher hands it over: the contract instance plus what the edge needs for CloudEvents.</summary>
/// <param name="Id">The stable message id (the outbox row id).</param>
/// <param name="Message">The contract instance, e.g. a <c>TaskAssigned</c>.</param>
/// <param name="MessageType">Its CLR type.</param>
/// <param name="Subject">The pseudonymous klantreis id, when any.</param>
/// <param name="CreatedAt">When the burst that caused it ran.</param>
public sealed record OutgoingMessage(Guid Id, object Message, Type MessageType, string? Subject, DateTimeOffset CreatedAt);

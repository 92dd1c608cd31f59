namespace Inburgering.Host.Messaging;

/// <summary>
/// An inbound message that can never succeed (unknown task, another organisation's task, an outcome that fails the form).
/// It is not retried: MassTransit moves it to the endpoint's <c>_error</c> queue with this message as
/// <c>MT-Fault-Message</c>, so nothing is lost and the reason is next to it.
/// </summary>
public sealed class InvalidMessageException(string message) : Exception(message);

namespace Inburgering.Host.Messaging;

/// <summary>
/// CloudEvents attributes (NL GOV profile) on every outbound message (section <c>CloudEvents</c>). They travel as AMQP
/// headers <c>cloudEvents:specversion</c>, <c>cloudEvents:id</c>, … next to MassTransit's own envelope.
/// </summary>
public sealed class CloudEventsOptions
{
    public const string SectionName = "CloudEvents";

    /// <summary>
    /// The producing system as a URN with the gemeente's OIN, per the NL GOV profile:
    /// <c>urn:nld:oin:{OIN}:systeem:{name}</c>. Set the real OIN in production; the default marks itself as unset.
    /// </summary>
    public string Source { get; set; } = "urn:nld:oin:00000000000000000000:systeem:inburgering-workflows";

    /// <summary>Reverse-DNS prefix of the event types, e.g. <c>nl.noordwijk.inburgering</c> → <c>nl.noordwijk.inburgering.task-assigned</c>.</summary>
    public string TypePrefix { get; set; } = "nl.noordwijk.inburgering";

    /// <summary>When set, <c>dataref</c> points partners to the task in the API (<c>{ApiBaseUrl}/api/tasks/{id}</c>), where they read the details with their own credentials.</summary>
    public Uri? ApiBaseUrl { get; set; }
}

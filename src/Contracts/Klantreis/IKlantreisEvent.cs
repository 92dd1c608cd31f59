namespace Inburgering.Contracts.Klantreis;

/// <summary>
/// An inbound event about one klantreis, addressed by its pseudonymous id (the instance's correlation key). The engine
/// delivers it as the workflow event named after the message type (e.g. a WaitForEvent on <c>DuoKennisgeving</c>).
/// </summary>
public interface IKlantreisEvent
{
    string KlantreisId { get; }
}

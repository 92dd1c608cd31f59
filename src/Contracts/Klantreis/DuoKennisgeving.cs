namespace Inburgering.Contracts.Klantreis;

// Inbound events of the klantreis, addressed by the pseudonymous klantreis id (the instance's correlation key). The
// engine delivers each as the workflow event of the same name (e.g. a WaitForEvent on "DuoKennisgeving").

/// <summary>DUO's written kennisgeving of the inburgeringsplicht (starts the PIP term, Besluit art. 5.3).</summary>
public sealed record DuoKennisgeving(string KlantreisId, DateOnly Datum) : IKlantreisEvent;

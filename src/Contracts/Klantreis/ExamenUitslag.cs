namespace Inburgering.Contracts.Klantreis;

// Inbound events of the klantreis, addressed by the pseudonymous klantreis id (the instance's correlation key). The
// engine delivers each as the workflow event of the same name (e.g. a WaitForEvent on "DuoKennisgeving").

/// <summary>An exam result reported by DUO (no marks beyond what the gemeente needs).</summary>
public sealed record ExamenUitslag(string KlantreisId, string Onderdeel, bool Geslaagd, DateOnly Datum) : IKlantreisEvent;

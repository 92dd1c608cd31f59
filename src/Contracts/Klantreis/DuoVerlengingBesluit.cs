namespace Inburgering.Contracts.Klantreis;

// Inbound events of the klantreis, addressed by the pseudonymous klantreis id (the instance's correlation key). The
// engine delivers each as the workflow event of the same name (e.g. a WaitForEvent on "DuoKennisgeving").

/// <summary>
/// DUO decided on a request to extend the inburgeringstermijn (Wi2021 art. 12; Besluit 4.4–4.5). When granted,
/// <paramref name="NieuweEinddatum"/> is the new last day of the termijn.
/// </summary>
public sealed record DuoVerlengingBesluit(string KlantreisId, DateOnly Datum, bool Toegekend, DateOnly? NieuweEinddatum) : IKlantreisEvent;

namespace Inburgering.Contracts.Klantreis;

// Inbound events of the klantreis, addressed by the pseudonymous klantreis id (the instance's correlation key). The
// engine delivers each as the workflow event of the same name (e.g. a WaitForEvent on "DuoKennisgeving").

/// <summary>
/// DUO's outcome at the end of the (extended) inburgeringstermijn: <c>voldaan</c> (plicht met: diploma or certificaat),
/// <c>ontheffing</c>, <c>vrijstelling</c>, or <c>boete</c> (Wi2021 art. 24/25: a DUO fine and a new termijn ending on
/// <paramref name="NieuweEinddatum"/>). The plicht ends on <paramref name="Datum"/> unless the outcome is a fine.
/// </summary>
public sealed record DuoTermijnUitkomst(string KlantreisId, DateOnly Datum, string Uitkomst, DateOnly? NieuweEinddatum) : IKlantreisEvent;

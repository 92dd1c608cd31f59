namespace Inburgering.Contracts.Klantreis;

// Inbound events of the klantreis, addressed by the pseudonymous klantreis id (the instance's correlation key). The
// engine delivers each as the workflow event of the same name (e.g. a WaitForEvent on "DuoKennisgeving").

/// <summary>A bezwaar against a decision of the college (e.g. a boetebesluit) was received (Awb 6:4), on <paramref name="Datum"/>.</summary>
public sealed record BezwaarIngediend(string KlantreisId, DateOnly Datum) : IKlantreisEvent;

namespace Inburgering.Contracts.Klantreis;

// Inbound events of the klantreis, addressed by the pseudonymous klantreis id (the instance's correlation key). The
// engine delivers each as the workflow event of the same name (e.g. a WaitForEvent on "DuoKennisgeving").

/// <summary>The right to bijstand arose (starts six months of financiële ontzorging, Pw art. 56a).</summary>
public sealed record BijstandToegekend(string KlantreisId, DateOnly IngangsDatum) : IKlantreisEvent;

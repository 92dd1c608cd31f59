namespace Inburgering.Contracts.Klantreis;

// Inbound events of the klantreis, addressed by the pseudonymous klantreis id (the instance's correlation key). The
// engine delivers each as the workflow event of the same name (e.g. a WaitForEvent on "DuoKennisgeving").

/// <summary>The person moved to another gemeente (hand-over, new PIP within 10 weeks there).</summary>
public sealed record Verhuisd(string KlantreisId, DateOnly Datum, string NieuweGemeente) : IKlantreisEvent;

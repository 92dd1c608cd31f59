namespace Inburgering.Contracts.Klantreis;

// Inbound events of the klantreis, addressed by the pseudonymous klantreis id (the instance's correlation key). The
// engine delivers each as the workflow event of the same name (e.g. a WaitForEvent on "DuoKennisgeving").

/// <summary>The person is registered in the BRP of the housing gemeente (starts maatschappelijke begeleiding; may start the PIP term).</summary>
public sealed record BrpIngeschreven(string KlantreisId, DateOnly Datum) : IKlantreisEvent;

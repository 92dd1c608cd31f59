using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Execution;

/// <summary>Start an instance of a published definition.</summary>
/// <param name="DefinitionId">The definition.</param>
/// <param name="Version">A published version; null for the latest.</param>
/// <param name="CorrelationKey">Business key for event delivery (a pseudonymous klantreis id, never a BSN).</param>
/// <param name="Variables">Initial values of declared variables; the rest take their defaults.</param>
public sealed record StartInstanceRequest(string DefinitionId, int? Version = null, string? CorrelationKey = null, JsonObject? Variables = null);

using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Execution;

/// <summary>Start an instance of a published definition.</summary>
/// <param name="DefinitionId">The definition.</param>
/// <param name="Version">A published version; null for the latest.</param>
/// <param name="CorrelationKey">Business key for event delivery (a pseudonymous klantreis id, never a BSN).</param>
/// <param name="Variables">Initial values of declared variables; the rest take their defaults.</param>
/// <param name="StartAt">
/// Activities to start at instead of the Start activity, for taking over a klantreis that is already under way (from
/// another system, or on paper): each runs as if a path had just arrived there, with the given variables. Null or
/// empty: from the Start activity. See <see cref="StartPoints"/> for what is refused.
/// </param>
public sealed record StartInstanceRequest(
    string DefinitionId, int? Version = null, string? CorrelationKey = null, JsonObject? Variables = null, IReadOnlyList<string>? StartAt = null);

using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Expressions;

/// <summary>
/// A host function callable from expressions. Arguments arrive as JSON (a JS <c>Date</c> as an ISO-8601 string,
/// <c>undefined</c> as <c>null</c>); the result goes back as JSON. Throwing fails the evaluation with
/// <see cref="ExpressionErrorKind.HostFunction"/>. Must be thread-safe: evaluations run concurrently.
/// </summary>
public delegate JsonNode? ExpressionHostFunction(IReadOnlyList<JsonNode?> arguments);

using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Expressions;

/// <summary>One registered global: either a fixed value or a host function.</summary>
internal sealed record ExpressionGlobal(string Name, JsonNode? Value, ExpressionHostFunction? Function);

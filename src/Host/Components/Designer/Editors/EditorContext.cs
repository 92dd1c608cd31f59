using System.Text.Json.Nodes;
using Inburgering.Workflows.Expressions;
using Inburgering.Workflows.Partners;

namespace Inburgering.Host.Components.Designer.Editors;

/// <summary>What editors need besides their value: declared variables, partner organisations, the expression checker.</summary>
public sealed class EditorContext(DesignerSession session, PartnerDirectory partners, ExpressionEvaluator expressions)
{
    public IReadOnlyList<PartnerOrganisation> Partners => partners.All;

    public IEnumerable<string> VariableNames => session.Variables.OfType<JsonObject>().Select(v => DesignerSession.Text(v, "name")).OfType<string>();

    /// <summary>Variables a partner may see: all but those declared sensitive (BSN, health).</summary>
    public IEnumerable<string> ShareableVariableNames => session.Variables.OfType<JsonObject>()
        .Where(v => v["sensitive"] is not JsonValue s || !s.TryGetValue<bool>(out var sensitive) || !sensitive)
        .Select(v => DesignerSession.Text(v, "name")).OfType<string>();

    /// <summary>Null when the code parses, otherwise a Dutch message with line and column.</summary>
    public string? CheckExpression(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        return expressions.CheckSyntax(code) is { } error ? $"Syntaxfout (regel {error.Line}, kolom {error.Column}): {error.Message}" : null;
    }
}

using Acornima;
using Acornima.Ast;

namespace Inburgering.Workflows.Expressions;

/// <summary>
/// Which variables and parameters an expression reads, found once from its syntax tree: only those are copied into the
/// sandbox when it runs. A klantreis has dozens of variables and parameters and a step evaluates a dozen expressions,
/// each in a fresh engine, so copying everything dominated the cost of a burst. <c>null</c> for a root means "may read
/// anything" (passed whole, read with a computed name, shadowed …): then everything is copied, as before.
/// </summary>
internal sealed record ScopeReads(IReadOnlySet<string>? Variables, IReadOnlySet<string>? Parameters)
{
    public static ScopeReads Everything { get; } = new(null, null);

    public static ScopeReads Of(Node program)
    {
        var visitor = new Collector();
        visitor.Visit(program);
        return new ScopeReads(visitor.Whole.Contains("variables") ? null : visitor.Names("variables"),
            visitor.Whole.Contains("parameters") ? null : visitor.Names("parameters"));
    }

    private sealed class Collector : AstVisitor
    {
        private readonly Dictionary<string, HashSet<string>> _names = new(StringComparer.Ordinal)
        {
            ["variables"] = new(StringComparer.Ordinal),
            ["parameters"] = new(StringComparer.Ordinal),
        };

        public HashSet<string> Whole { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Names(string root) => _names[root];

        protected override object? VisitMemberExpression(MemberExpression node)
        {
            // variables.x or variables?.x: one named read. Anything else about the root goes through VisitIdentifier.
            if (node.Object is Identifier root && _names.TryGetValue(root.Name, out var names) && !node.Computed && node.Property is Identifier property)
            {
                names.Add(property.Name);
                return node;
            }
            return base.VisitMemberExpression(node);
        }

        protected override object? VisitIdentifier(Identifier node)
        {
            // Any other mention (x.variables, { variables }, a declaration, an argument) is taken as reading it whole:
            // over-approximating only costs the copying we tried to save.
            if (_names.ContainsKey(node.Name))
            {
                Whole.Add(node.Name);
            }
            return node;
        }
    }
}

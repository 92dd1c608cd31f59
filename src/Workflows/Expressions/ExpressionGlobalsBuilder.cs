using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Expressions;

/// <summary>Collects the globals that <see cref="IExpressionGlobals"/> implementations add to every expression.</summary>
public sealed class ExpressionGlobalsBuilder
{
    // The scope's globals; an extension shadowing them would silently change what every definition means.
    private static readonly HashSet<string> ReservedNames = new(StringComparer.Ordinal) { "variables", "parameters", "input" };

    private readonly Dictionary<string, ExpressionGlobal> _globals = new(StringComparer.Ordinal);

    internal ExpressionGlobalsBuilder()
    {
    }

    internal IReadOnlyCollection<ExpressionGlobal> Globals => _globals.Values;

    /// <summary>Adds a fixed value. It is copied now, so later changes to <paramref name="value"/> are not seen.</summary>
    public ExpressionGlobalsBuilder AddValue(string name, JsonNode? value)
    {
        Add(new ExpressionGlobal(name, value?.DeepClone(), null));
        return this;
    }

    /// <summary>Adds a function that expressions call as <c>name(arg1, arg2, ...)</c>.</summary>
    public ExpressionGlobalsBuilder AddFunction(string name, ExpressionHostFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(new ExpressionGlobal(name, null, function));
        return this;
    }

    private void Add(ExpressionGlobal global)
    {
        if (string.IsNullOrWhiteSpace(global.Name))
        {
            throw new ArgumentException("An expression global needs a name.", nameof(global));
        }

        if (ReservedNames.Contains(global.Name))
        {
            throw new ArgumentException($"'{global.Name}' is reserved for the expression scope.", nameof(global));
        }

        if (!_globals.TryAdd(global.Name, global))
        {
            throw new ArgumentException($"The expression global '{global.Name}' is registered twice.", nameof(global));
        }
    }
}

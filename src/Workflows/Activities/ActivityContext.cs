using System.Text.Json.Nodes;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Expressions;

namespace Inburgering.Workflows.Activities;

/// <summary>
/// What one activity execution may see and change: its node and inputs, the instance's variables and parameters, its
/// own persistent state, and the burst's clock. Deliberately small (no service locator): dependencies come through the
/// activity's constructor.
/// </summary>
public sealed class ActivityContext
{
    private readonly Burst _burst;
    private readonly CompiledNode _node;

    internal ActivityContext(Burst burst, CompiledNode node, Connection? arrivedBy)
    {
        _burst = burst;
        _node = node;
        ArrivedBy = arrivedBy;
    }

    public ActivityNode Node => _node.Node;

    public Guid InstanceId => _burst.Instance.Id;

    public string? CorrelationKey => _burst.Instance.CorrelationKey;

    /// <summary>The burst's "now": one instant for the whole burst, from the engine's TimeProvider.</summary>
    public DateTimeOffset Now => _burst.Now;

    /// <summary>The connection the path came in by (null at the start, on resume and on retry).</summary>
    public Connection? ArrivedBy { get; }

    public IReadOnlyList<Connection> IncomingConnections => _node.Incoming;

    public IReadOnlyDictionary<string, JsonNode?> Parameters => _burst.Parameters;

    /// <summary>
    /// The input's value: the literal from the definition, its descriptor default, or the result of its
    /// <c>{"expression": …}</c> evaluated now.
    /// </summary>
    public JsonNode? GetInput(string name)
    {
        if (Node.Inputs.TryGetValue(name, out var value) && value is not null)
        {
            return ExpressionInput.TryGetCode(value, out var code) ? Evaluate(code) : value.DeepClone();
        }
        return _node.Activity.Descriptor.FindInput(name)?.Default?.DeepClone();
    }

    public string? GetText(string name) => GetInput(name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public string GetRequiredText(string name) =>
        GetText(name) ?? throw new ActivityInputException($"The input '{name}' of '{Node.Key}' has no text value.");

    public JsonNode? GetVariable(string name) => _burst.Variables[name]?.DeepClone();

    public void SetVariable(string name, JsonNode? value) => _burst.Variables[name] = value?.DeepClone();

    /// <summary>
    /// For a Join in a taken-over klantreis: the incoming connections whose branches ran before the take-over (or never
    /// will here) and count as arrived; empty otherwise (see <see cref="Execution.StartPoints"/>).
    /// </summary>
    public IReadOnlySet<string> ArrivedElsewhere =>
        _burst.ActivityState[Execution.StartPoints.ArrivedElsewhereKey]?[Node.Key] is { } recorded ? JoinArrivals.Read(recorded) : JoinArrivals.None;

    /// <summary>This node's persistent state in this instance (e.g. a Join's arrived branches); null when none.</summary>
    public JsonNode? State
    {
        get => _burst.ActivityState[Node.Key]?.DeepClone();
        set => _burst.ActivityState[Node.Key] = value?.DeepClone();
    }

    public JsonNode? Evaluate(string code, JsonNode? input = null) => _burst.Expressions.Evaluate(code, _burst.Scope(input));

    public bool EvaluateCondition(string code, JsonNode? input = null) => _burst.Expressions.EvaluateCondition(code, _burst.Scope(input));
}

/// <summary>An input that is missing or unusable at run time; the engine records it as an incident.</summary>
public sealed class ActivityInputException(string message) : Exception(message);

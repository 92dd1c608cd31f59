using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Expressions;

namespace Inburgering.Workflows.Definitions.Validation;

/// <summary>What every rule reads (the model, where its parts stood, the known activity types) and where it reports.</summary>
internal sealed class ValidationContext(WorkflowDefinitionModel model, SourcePaths paths, ActivityRegistry registry, ExpressionEvaluator expressions)
{
    public WorkflowDefinitionModel Model { get; } = model;

    public ActivityRegistry Registry { get; } = registry;

    public ExpressionEvaluator Expressions { get; } = expressions;

    public List<DefinitionError> Errors { get; } = [];

    /// <summary>The first node with each key (duplicates are reported, then ignored).</summary>
    public Dictionary<string, ActivityNode> NodesByKey { get; } = new(StringComparer.Ordinal);

    public HashSet<string> VariableNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Variables declared <c>sensitive</c>: never shared with partners.</summary>
    public HashSet<string> SensitiveVariables { get; } = new(StringComparer.Ordinal);

    public string PathOf(ActivityNode node) => paths.Of(node, "activities", IndexOf(Model.Activities, node));

    public string PathOf(Connection connection) => paths.Of(connection, "connections", IndexOf(Model.Connections, connection));

    public string PathOf(VariableDeclaration variable) => paths.Of(variable, "variables", IndexOf(Model.Variables, variable));

    public string PathOf(ParameterDeclaration parameter) => paths.Of(parameter, "parameters", IndexOf(Model.Parameters, parameter));

    public void Add(string path, string code, string message) => Errors.Add(new DefinitionError(path, code, message));

    /// <summary>The activity type of a node, or null when unknown (reported once by the activity rules).</summary>
    public IActivity? TypeOf(ActivityNode node) => Registry.Find(node.Type);

    /// <summary>The outcome ports a node has: its type's (static or derived from inputs) plus Fout when it continues on fault.</summary>
    public IReadOnlyList<OutcomeDescriptor> OutcomesOf(ActivityNode node)
    {
        var type = TypeOf(node);
        if (type is null)
        {
            return [];
        }
        var outcomes = type.GetOutcomes(node);
        return node.OnFault == FaultBehavior.Continue ? [.. outcomes, new OutcomeDescriptor(Outcomes.Fault)] : outcomes;
    }

    private static int IndexOf<T>(IReadOnlyList<T> list, T item) where T : class
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], item))
            {
                return i;
            }
        }
        return -1;
    }
}

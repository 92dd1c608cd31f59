using System.Text.Json;
using System.Text.Json.Nodes;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Expressions;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Stores;

namespace Inburgering.Workflows.Execution;

/// <summary>
/// One burst: everything that happens to an instance between one trigger and the moment every path waits or ends.
/// It only changes its unit of work (<see cref="IStoreSession"/>); the runner commits it in ONE transaction, so the instance
/// state, journal, waits and whatever observers add commit together or not at all. Nothing external happens here.
/// </summary>
internal sealed partial class Burst
{
    private readonly Queue<(CompiledNode Node, Connection? ArrivedBy)> _queue = new();
    private readonly IReadOnlyList<IWaitObserver> _observers;
    private readonly int _maxSteps;
    private int _steps;
    private JsonObjectView? _variablesView;

    public Burst(
        IStoreSession session, WorkflowInstance instance, WorkflowDefinition definition, List<WorkflowWait> openWaits,
        ExpressionEvaluator expressions, IReadOnlyList<IWaitObserver> observers, DateTimeOffset now, int maxSteps)
    {
        Session = session;
        Instance = instance;
        Definition = definition;
        OpenWaits = openWaits;
        Expressions = expressions;
        Now = now;
        _observers = observers;
        _maxSteps = maxSteps;
        Variables = ParseObject(instance.VariablesJson);
        ActivityState = ParseObject(instance.ActivityStateJson);
        Parameters = definition.ParameterDefaults;
    }

    /// <summary>The unit of work the burst changes; the runner commits it.</summary>
    public IStoreSession Session { get; }

    public WorkflowInstance Instance { get; }

    /// <summary>Waits whose timer rows this burst already loaded, so closing them needs no query.</summary>
    public HashSet<Guid> TimersTrackedFor { get; } = [];

    /// <summary>True in the burst that creates the instance: nothing can have been queued for its id yet.</summary>
    public bool IsNewInstance { get; init; }

    public WorkflowDefinition Definition { get; }

    /// <summary>The instance's open waits, kept current as the burst opens and closes them.</summary>
    public List<WorkflowWait> OpenWaits { get; }

    public ExpressionEvaluator Expressions { get; }

    public DateTimeOffset Now { get; }

    public JsonObject Variables { get; }

    public JsonObject ActivityState { get; }

    public IReadOnlyDictionary<string, JsonNode?> Parameters { get; }

    /// <summary>
    /// What an expression sees: the variables as they are now (a view, not a copy: the evaluator copies what a script
    /// reads into its sandbox, and an evaluation runs to its end before any activity changes a variable again).
    /// </summary>
    public ExpressionScope Scope(JsonNode? input) => new() { Variables = _variablesView ??= new JsonObjectView(Variables), Parameters = Parameters, Input = input };

    public void Journal(JournalKind kind, string? activityKey = null, string? activityType = null, string? outcome = null, string? message = null) =>
        Session.Add(new JournalEntry
        {
            InstanceId = Instance.Id,
            Sequence = ++Instance.JournalSequence,
            AtUtc = Now.UtcDateTime,
            Kind = kind,
            ActivityKey = activityKey,
            ActivityType = activityType,
            Outcome = outcome,
            Message = Truncate(message, 500),
        });

    /// <summary>Writes the in-memory state back to the instance and settles its status; the runner then commits.</summary>
    public void Finish()
    {
        Instance.VariablesJson = Variables.ToJsonString();
        Instance.ActivityStateJson = ActivityState.ToJsonString();
        Instance.UpdatedAtUtc = Now.UtcDateTime;
        Instance.Version++;
        if (Instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
        {
            return;
        }
        if (Instance.OpenIncidents > 0)
        {
            Instance.Status = InstanceStatus.Faulted;
        }
        else if (OpenWaits.Count == 0 && StuckJoin() is { } stuck)
        {
            // Nothing waits, yet a Join still holds arrivals: the branches it waits for can never come. Completing would
            // end the klantreis halfway without a trace; an incident makes someone look.
            RaiseIncident(stuck, $"'{stuck.Key}' wacht op takken die nooit meer aankomen; de werkstroom kan niet verder.", continueAllowed: false);
            Instance.Status = InstanceStatus.Faulted;
        }
        else if (OpenWaits.Count == 0)
        {
            Complete("Alle paden zijn afgerond.");
        }
        else
        {
            Instance.Status = InstanceStatus.Running;
        }
    }

    private CompiledNode? StuckJoin() =>
        ActivityState.Where(p => p.Value is not null && Definition.Nodes.TryGetValue(p.Key, out var n) && n.Node.Type == JoinArrivals.ActivityType)
            .Select(p => Definition.Nodes[p.Key])
            .FirstOrDefault();

    private void Complete(string message)
    {
        Instance.Status = InstanceStatus.Completed;
        Instance.FinishedAtUtc = Now.UtcDateTime;
        Journal(JournalKind.InstanceCompleted, message: message);
    }

    private static JsonObject ParseObject(string json) => JsonNode.Parse(json) as JsonObject ?? [];


    internal static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";

    internal static string? Serialize(JsonNode? node) => node?.ToJsonString(JsonSerializerOptions.Default);
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Definitions.Validation;

namespace Inburgering.Host.Components.Designer;

/// <summary>
/// The definition being edited, as its JSON document: the designer's single source of truth. Working on the document
/// (not on a typed model) keeps whatever the designer does not know about, lets a draft with errors be edited, and makes
/// every validation error's JSON path point straight at a node and field. Every change validates with the server's own
/// validator and can be undone.
/// </summary>
public sealed partial class DesignerSession
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly DefinitionValidator _validator;
    private readonly ActivityRegistry _registry;
    private readonly EditHistory _history = new();
    private Dictionary<string, ActivityNode> _nodes = new(StringComparer.Ordinal);
    private ILookup<string, (string Input, DefinitionError Error)> _errorsByActivity = Enumerable.Empty<(string Key, (string, DefinitionError) Entry)>().ToLookup(x => x.Key, x => x.Entry);

    public DesignerSession(JsonObject document, DefinitionValidator validator, ActivityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(document);
        _validator = validator;
        _registry = registry;
        Document = document;
        Revalidate();
    }

    /// <summary>An empty definition with a Start activity, for "Nieuwe werkstroom".</summary>
    public static JsonObject NewDocument(string id, string name) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["variables"] = new JsonArray(),
        ["parameters"] = new JsonArray(),
        ["activities"] = new JsonArray(),
        ["connections"] = new JsonArray(),
    };

    public JsonObject Document { get; private set; }

    public string Id => Document["id"]?.GetValue<string>() ?? "";

    public string Name => Document["name"]?.GetValue<string>() ?? Id;

    public IReadOnlyList<DefinitionError> Errors { get; private set; } = [];

    /// <summary>True when the document changed since it was loaded or last saved.</summary>
    public bool IsDirty { get; private set; }

    public bool CanUndo => _history.CanUndo;

    public bool CanRedo => _history.CanRedo;

    /// <summary>Raised after every change; <c>true</c> when the canvas must be rebuilt (not for changes the canvas made itself).</summary>
    public event Action<bool>? Changed;

    public JsonArray Activities => Array("activities");

    public JsonArray Connections => Array("connections");

    public JsonArray Variables => Array("variables");

    public JsonArray Parameters => Array("parameters");

    public IEnumerable<JsonObject> ActivityObjects => Activities.OfType<JsonObject>();

    public JsonObject? FindActivity(string key) => ActivityObjects.FirstOrDefault(a => Text(a, "key") == key);

    public ActivityDescriptor? DescriptorOf(JsonObject activity) => _registry.Find(Text(activity, "type") ?? "")?.Descriptor;

    /// <summary>The outcome ports of an activity as it is now (a partner task's come from its form, a switch's from its cases).</summary>
    public IReadOnlyList<OutcomeDescriptor> OutcomesOf(string key)
    {
        var activity = FindActivity(key);
        var type = activity is null ? null : _registry.Find(Text(activity, "type") ?? "");
        if (type is null)
        {
            return [];
        }
        try
        {
            return _nodes.TryGetValue(key, out var node) ? type.GetOutcomes(node) : type.Descriptor.Outcomes;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            // A half-written form or case list: show the static ports until it reads again (validation says what is wrong).
            return type.Descriptor.Outcomes;
        }
    }

    public IEnumerable<(string From, string Outcome, string To)> ConnectionTuples =>
        Connections.OfType<JsonObject>().Select(c => (Text(c, "from") ?? "", Text(c, "outcome") ?? "", Text(c, "to") ?? ""));

    public void Undo()
    {
        if (_history.TryUndo(ToJson(compact: true), out var previous))
        {
            Document = Parse(previous);
            Commit(rebuild: true);
        }
    }

    public void Redo()
    {
        if (_history.TryRedo(ToJson(compact: true), out var next))
        {
            Document = Parse(next);
            Commit(rebuild: true);
        }
    }

    /// <summary>Called after a successful save: the document is what the server holds.</summary>
    public void MarkSaved()
    {
        IsDirty = false;
        Changed?.Invoke(false);
    }

    public string ToJson(bool compact = false) => compact ? Document.ToJsonString() : Document.ToJsonString(Indented);

    /// <summary>The errors that point into one activity (or a connection leaving it), by input name ("" for the activity itself).</summary>
    public ILookup<string, DefinitionError> ErrorsOf(string key) =>
        _errorsByActivity[key].ToLookup(e => e.Input, e => e.Error, StringComparer.Ordinal);

    public int ActivityIndex(string key)
    {
        var i = 0;
        foreach (var activity in Activities)
        {
            if (activity is JsonObject o && Text(o, "key") == key)
            {
                return i;
            }
            i++;
        }
        return -1;
    }

    public string? KeyAt(int index) => index >= 0 && index < Activities.Count && Activities[index] is JsonObject o ? Text(o, "key") : null;

    public static string? Text(JsonObject node, string property) =>
        node[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private void Checkpoint() => _history.Record(ToJson(compact: true));

    private void Commit(bool rebuild)
    {
        IsDirty = true;
        Revalidate();
        Changed?.Invoke(rebuild);
    }

    /// <summary>
    /// Validates once per change and derives what the panels and the canvas ask for often: the read activities (for their
    /// ports) and the errors by activity (the canvas asks for every node's count after each change).
    /// </summary>
    private void Revalidate()
    {
        var result = _validator.Validate(ToJson(compact: true));
        Errors = result.Errors;
        _nodes = (result.Model?.Activities ?? []).GroupBy(a => a.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _errorsByActivity = Errors
            .Select(e => (Error: e, Target: ErrorTarget.Of(e, this)))
            .Select(t => (Key: KeyAt(t.Target.ActivityIndex), Input: t.Target.Input ?? "", t.Error))
            .Where(t => t.Key is not null)
            .ToLookup(t => t.Key!, t => (t.Input, t.Error), StringComparer.Ordinal);
    }

    private JsonArray Array(string name)
    {
        if (Document[name] is JsonArray array)
        {
            return array;
        }
        array = [];
        Document[name] = array;
        return array;
    }

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;
}

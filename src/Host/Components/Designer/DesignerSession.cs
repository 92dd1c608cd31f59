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
    private const int MaxUndo = 100;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly DefinitionValidator _validator;
    private readonly ActivityRegistry _registry;
    private readonly LinkedList<string> _undo = new();
    private readonly Stack<string> _redo = new();
    private Dictionary<string, ActivityNode> _nodes = new(StringComparer.Ordinal);

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

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

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

    /// <summary>Adds an activity of <paramref name="type"/> at a canvas position and returns its new key.</summary>
    public string AddActivity(string type, double x, double y)
    {
        var descriptor = _registry.Find(type)?.Descriptor ?? throw new ArgumentException($"Unknown activity type '{type}'.", nameof(type));
        Checkpoint();
        var key = NewKey(descriptor.TypeName);
        var inputs = new JsonObject();
        foreach (var input in descriptor.Inputs.Where(i => i.Required && i.Default is not null))
        {
            inputs[input.Name] = input.Default!.DeepClone();
        }
        Activities.Add(new JsonObject
        {
            ["key"] = key,
            ["type"] = descriptor.TypeName,
            ["displayName"] = descriptor.DisplayName,
            ["inputs"] = inputs,
            ["position"] = Position(x, y),
        });
        Commit(rebuild: true);
        return key;
    }

    /// <summary>The canvas moved a node: remember where (one undo step per drag).</summary>
    public void MoveActivity(string key, double x, double y)
    {
        if (FindActivity(key) is not { } activity)
        {
            return;
        }
        var position = Position(x, y);
        if (activity["position"] is JsonObject old && JsonNode.DeepEquals(old, position))
        {
            return;
        }
        Checkpoint();
        activity["position"] = position;
        Commit(rebuild: false);
    }

    /// <summary>Removes activities and every connection to or from them, as one undo step.</summary>
    public void RemoveActivities(IReadOnlyCollection<string> keys, bool fromCanvas = false)
    {
        var doomed = keys.Where(k => FindActivity(k) is not null).ToHashSet(StringComparer.Ordinal);
        if (doomed.Count == 0)
        {
            return;
        }
        Checkpoint();
        RemoveWhere(Activities, a => doomed.Contains(Text(a, "key") ?? ""));
        RemoveWhere(Connections, c => doomed.Contains(Text(c, "from") ?? "") || doomed.Contains(Text(c, "to") ?? ""));
        Commit(rebuild: !fromCanvas);
    }

    /// <summary>Connects an outcome port to an activity; false (and nothing changes) when that connection exists already.</summary>
    public bool Connect(string from, string outcome, string to, bool fromCanvas = false)
    {
        if (ConnectionTuples.Contains((from, outcome, to)) || FindActivity(from) is null || FindActivity(to) is null)
        {
            return false;
        }
        Checkpoint();
        Connections.Add(new JsonObject { ["from"] = from, ["outcome"] = outcome, ["to"] = to });
        Commit(rebuild: !fromCanvas);
        return true;
    }

    public void Disconnect(IReadOnlyCollection<(string From, string Outcome, string To)> connections, bool fromCanvas = false)
    {
        var doomed = connections.ToHashSet();
        if (!ConnectionTuples.Any(doomed.Contains))
        {
            return;
        }
        Checkpoint();
        RemoveWhere(Connections, c => doomed.Contains((Text(c, "from") ?? "", Text(c, "outcome") ?? "", Text(c, "to") ?? "")));
        Commit(rebuild: !fromCanvas);
    }

    /// <summary>Sets (or, with null, removes) one input of an activity.</summary>
    public void SetInput(string key, string input, JsonNode? value)
    {
        if (FindActivity(key) is not { } activity)
        {
            return;
        }
        var inputs = activity["inputs"] as JsonObject;
        var old = inputs?[input];
        if (JsonNode.DeepEquals(old, value) && (value is not null || inputs?.ContainsKey(input) != true))
        {
            return;
        }
        Checkpoint();
        if (inputs is null)
        {
            inputs = [];
            activity["inputs"] = inputs;
        }
        if (value is null)
        {
            inputs.Remove(input);
        }
        else
        {
            inputs[input] = value.DeepClone();
        }
        // Ports depend on some inputs (form outcomes, switch cases, fork branches, onDeadline): the canvas redraws.
        Commit(rebuild: true);
    }

    public void SetDisplayName(string key, string displayName)
    {
        if (FindActivity(key) is not { } activity || Text(activity, "displayName") == displayName)
        {
            return;
        }
        Checkpoint();
        activity["displayName"] = displayName;
        Commit(rebuild: true);
    }

    /// <summary>Sets (or removes) a property of the activity itself, such as <c>onFault</c>.</summary>
    public void SetActivityProperty(string key, string property, JsonNode? value)
    {
        if (FindActivity(key) is not { } activity || JsonNode.DeepEquals(activity[property], value))
        {
            return;
        }
        Checkpoint();
        if (value is null)
        {
            activity.Remove(property);
        }
        else
        {
            activity[property] = value.DeepClone();
        }
        Commit(rebuild: true);
    }

    /// <summary>Renames an activity's key and every connection that names it. False when the new key is taken.</summary>
    public bool RenameActivity(string key, string newKey)
    {
        if (key == newKey)
        {
            return true;
        }
        if (FindActivity(key) is not { } activity || FindActivity(newKey) is not null)
        {
            return false;
        }
        Checkpoint();
        activity["key"] = newKey;
        foreach (var connection in Connections.OfType<JsonObject>())
        {
            if (Text(connection, "from") == key)
            {
                connection["from"] = newKey;
            }
            if (Text(connection, "to") == key)
            {
                connection["to"] = newKey;
            }
        }
        Commit(rebuild: true);
        return true;
    }

    /// <summary>Sets a top-level property (name, description, variables, parameters).</summary>
    public void SetDefinitionProperty(string name, JsonNode? value)
    {
        if (JsonNode.DeepEquals(Document[name], value))
        {
            return;
        }
        Checkpoint();
        if (value is null)
        {
            Document.Remove(name);
        }
        else
        {
            Document[name] = value.DeepClone();
        }
        Commit(rebuild: false);
    }

    /// <summary>Replaces the whole document (import); one undo step.</summary>
    public void Replace(JsonObject document)
    {
        Checkpoint();
        Document = document;
        Commit(rebuild: true);
    }

    public void Undo()
    {
        if (_undo.Last is not { } last)
        {
            return;
        }
        _undo.RemoveLast();
        _redo.Push(ToJson(compact: true));
        Document = Parse(last.Value);
        Commit(rebuild: true);
    }

    public void Redo()
    {
        if (!_redo.TryPop(out var next))
        {
            return;
        }
        _undo.AddLast(ToJson(compact: true));
        Document = Parse(next);
        Commit(rebuild: true);
    }

    /// <summary>Called after a successful save: the document is what the server holds.</summary>
    public void MarkSaved()
    {
        IsDirty = false;
        Changed?.Invoke(false);
    }

    public string ToJson(bool compact = false) => compact ? Document.ToJsonString() : Document.ToJsonString(Indented);

    /// <summary>The errors that point into one activity (by its index in the document), by input name ("" for the activity itself).</summary>
    public ILookup<string, DefinitionError> ErrorsOf(string key)
    {
        var index = ActivityIndex(key);
        return Errors
            .Select(e => (Error: e, Target: ErrorTarget.Of(e, this)))
            .Where(t => t.Target.ActivityIndex == index || (index >= 0 && t.Target.ConnectionFrom == key))
            .ToLookup(t => t.Target.Input ?? "", t => t.Error, StringComparer.Ordinal);
    }

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

    private void Checkpoint()
    {
        _undo.AddLast(ToJson(compact: true));
        if (_undo.Count > MaxUndo)
        {
            _undo.RemoveFirst();
        }
        _redo.Clear();
    }

    private void Commit(bool rebuild)
    {
        IsDirty = true;
        Revalidate();
        Changed?.Invoke(rebuild);
    }

    private void Revalidate()
    {
        var result = _validator.Validate(ToJson(compact: true));
        Errors = result.Errors;
        var read = DefinitionReader.Read(Document);
        _nodes = (read.Model?.Activities ?? []).GroupBy(a => a.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    private string NewKey(string typeName)
    {
        var stem = KeyStem().Replace(typeName, "$1-$2").ToLowerInvariant();
        for (var n = 1; ; n++)
        {
            var key = $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}";
            if (FindActivity(key) is null)
            {
                return key;
            }
        }
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

    private static JsonObject Position(double x, double y) => new() { ["x"] = Math.Round(x), ["y"] = Math.Round(y) };

    private static void RemoveWhere(JsonArray array, Func<JsonObject, bool> predicate)
    {
        for (var i = array.Count - 1; i >= 0; i--)
        {
            if (array[i] is JsonObject o && predicate(o))
            {
                array.RemoveAt(i);
            }
        }
    }

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex KeyStem();
}

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Inburgering.Host.Components.Designer;

/// <summary>The edits of the definition document: each one undoable step that validates and tells the canvas.</summary>
public sealed partial class DesignerSession
{
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

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex KeyStem();
}

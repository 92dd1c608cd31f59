using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Definitions.Diff;

/// <summary>
/// Compares the settings of one element, value by value. Objects are compared property by property, recursively.
/// Arrays are compared as whole values, except arrays whose every item is an object with a distinct text
/// <c>name</c> (form fields and outcomes, Switch cases): those are matched by name, so adding one form field is one
/// change, and a changed order of the items present in both is reported once as a change of order.
/// </summary>
internal static class SettingsDiff
{
    /// <summary>Every property of either object except <paramref name="skip"/>, in the old order, then the new properties.</summary>
    public static void CompareObjects(string path, JsonObject oldObject, JsonObject newObject, List<SettingChange> into, IReadOnlySet<string>? skip = null)
    {
        foreach (var (name, _) in oldObject)
        {
            if (skip?.Contains(name) != true)
            {
                CompareProperty(path, name, oldObject, newObject, into);
            }
        }
        foreach (var (name, _) in newObject)
        {
            if (skip?.Contains(name) != true && !oldObject.ContainsKey(name))
            {
                CompareProperty(path, name, oldObject, newObject, into);
            }
        }
    }

    /// <summary>One property that may be absent on either side (absent is not the same as <c>null</c>).</summary>
    public static void CompareProperty(string path, string name, JsonObject oldObject, JsonObject newObject, List<SettingChange> into)
    {
        var hadOld = oldObject.TryGetPropertyValue(name, out var oldValue);
        var hasNew = newObject.TryGetPropertyValue(name, out var newValue);
        var propertyPath = DiffText.Property(path, name);
        if (hadOld && hasNew)
        {
            CompareValues(propertyPath, oldValue, newValue, into);
        }
        else if (hadOld || hasNew)
        {
            into.Add(DiffText.Setting(propertyPath, oldValue, hadOld, newValue, hasNew));
        }
    }

    public static void CompareValues(string path, JsonNode? oldValue, JsonNode? newValue, List<SettingChange> into)
    {
        if (oldValue is JsonObject oldObject && newValue is JsonObject newObject)
        {
            CompareObjects(path, oldObject, newObject, into);
        }
        else if (oldValue is JsonArray oldArray && newValue is JsonArray newArray && ByName(oldArray) is { } oldItems && ByName(newArray) is { } newItems)
        {
            CompareNamed(path, oldItems, newItems, into);
        }
        else if (!JsonNode.DeepEquals(oldValue, newValue))
        {
            into.Add(DiffText.Setting(path, oldValue, true, newValue, true));
        }
    }

    private static void CompareNamed(string path, List<(string Name, JsonObject Item)> oldItems, List<(string Name, JsonObject Item)> newItems, List<SettingChange> into)
    {
        var newByName = newItems.ToDictionary(i => i.Name, i => i.Item, StringComparer.Ordinal);
        var oldNames = oldItems.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, item) in oldItems)
        {
            if (newByName.TryGetValue(name, out var newItem))
            {
                CompareObjects(DiffText.Named(path, name), item, newItem, into);
            }
            else
            {
                into.Add(DiffText.Setting(DiffText.Named(path, name), item, true, null, false));
            }
        }
        foreach (var (name, item) in newItems.Where(i => !oldNames.Contains(i.Name)))
        {
            into.Add(DiffText.Setting(DiffText.Named(path, name), null, false, item, true));
        }
        // Order can matter (Switch cases are tried in order; form fields are shown in order), so a new order of the
        // items kept is a change of its own; items added or removed do not count as a new order.
        var keptOld = oldItems.Where(i => newByName.ContainsKey(i.Name)).Select(i => i.Name).ToList();
        var keptNew = newItems.Where(i => oldNames.Contains(i.Name)).Select(i => i.Name).ToList();
        if (!keptOld.SequenceEqual(keptNew, StringComparer.Ordinal))
        {
            into.Add(DiffText.Reordered(path, Names(keptOld), Names(keptNew)));
        }
    }

    /// <summary>The items by name when every item is an object with a distinct, non-empty text <c>name</c>; otherwise null.</summary>
    private static List<(string Name, JsonObject Item)>? ByName(JsonArray array)
    {
        var items = new List<(string, JsonObject)>(array.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in array)
        {
            if (node is not JsonObject item || !Text(item, "name", out var name) || !seen.Add(name))
            {
                return null;
            }
            items.Add((name, item));
        }
        return items;
    }

    /// <summary>A non-empty text property.</summary>
    public static bool Text(JsonObject item, string property, out string value)
    {
        value = item.TryGetPropertyValue(property, out var node) && node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        return value.Length > 0;
    }

    private static JsonArray Names(List<string> names) => new([.. names.Select(n => (JsonNode?)JsonValue.Create(n))]);
}

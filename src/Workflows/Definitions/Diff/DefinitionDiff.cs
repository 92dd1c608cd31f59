using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Definitions.Diff;

/// <summary>
/// What changed between two definition documents: activities, connections, variables and parameters added, removed
/// or changed, the top-level settings, and activities only moved on the canvas. Works on the JSON itself, not on the
/// read model, so a draft with validation errors (an unknown type, a dangling connection, an unknown property) can
/// still be compared. Activities are matched by <c>key</c>, connections by <c>from</c>/<c>outcome</c>/<c>to</c>,
/// variables and parameters by <c>name</c>; an element without its identity (a broken draft) is matched by its
/// position in the list (<c>#3</c>), and a repeated identity by its occurrence (<c>wacht (2)</c>).
/// </summary>
public static class DefinitionDiff
{
    /// <summary>Root properties with no meaning for the werkstroom: the editor's schema and the informational version.</summary>
    private static readonly HashSet<string> IgnoredRootProperties = ["$schema", "version"];

    private static readonly HashSet<string> ActivityIdentity = ["key"];
    private static readonly HashSet<string> ConnectionIdentity = ["from", "outcome", "to"];
    private static readonly HashSet<string> DeclarationIdentity = ["name"];
    private static readonly HashSet<string> ActivitySkipped = ["key", "position"];

    private sealed record Area(DiffArea Kind, string Property, IReadOnlySet<string> Identity, Func<JsonObject, string?> IdentityOf);

    private static readonly Area[] Collections =
    [
        new(DiffArea.Variable, "variables", DeclarationIdentity, d => Text(d, "name")),
        new(DiffArea.Parameter, "parameters", DeclarationIdentity, d => Text(d, "name")),
        new(DiffArea.Activity, "activities", ActivityIdentity, a => Text(a, "key")),
        new(DiffArea.Connection, "connections", ConnectionIdentity, c => Text(c, "from") is { } from && Text(c, "outcome") is { } outcome && Text(c, "to") is { } to
            ? new Connection(from, outcome, to).ToString()
            : null),
    ];

    /// <summary>Compares two documents as text (comments and trailing commas allowed, as in <see cref="DefinitionReader"/>).</summary>
    /// <exception cref="System.Text.Json.JsonException">Either text is not JSON.</exception>
    public static DefinitionDiffResult Compare(string oldJson, string newJson)
    {
        ArgumentNullException.ThrowIfNull(oldJson);
        ArgumentNullException.ThrowIfNull(newJson);
        return Compare(JsonNode.Parse(oldJson, documentOptions: DefinitionReader.DocumentOptions), JsonNode.Parse(newJson, documentOptions: DefinitionReader.DocumentOptions));
    }

    /// <summary>Compares two documents. A root that is not an object counts as an empty document.</summary>
    public static DefinitionDiffResult Compare(JsonNode? oldDocument, JsonNode? newDocument)
    {
        var oldRoot = oldDocument as JsonObject ?? new JsonObject();
        var newRoot = newDocument as JsonObject ?? new JsonObject();
        var changes = new List<DefinitionChange>();
        // A list that is not an array (a broken draft) is compared as a whole, as a top-level setting.
        var usable = Collections.Where(c => IsListOrAbsent(oldRoot, c.Property) && IsListOrAbsent(newRoot, c.Property)).ToList();
        CompareRoot(oldRoot, newRoot, usable.Select(c => c.Property), changes);
        foreach (var area in usable)
        {
            CompareList(area, oldRoot[area.Property] as JsonArray ?? [], newRoot[area.Property] as JsonArray ?? [], changes);
        }
        return new DefinitionDiffResult(changes);
    }

    private static void CompareRoot(JsonObject oldRoot, JsonObject newRoot, IEnumerable<string> lists, List<DefinitionChange> changes)
    {
        var settings = new List<SettingChange>();
        SettingsDiff.CompareObjects("", oldRoot, newRoot, settings, new HashSet<string>(IgnoredRootProperties.Concat(lists), StringComparer.Ordinal));
        if (settings.Count > 0)
        {
            var id = Text(newRoot, "id") ?? Text(oldRoot, "id") ?? "";
            changes.Add(Changed(DiffArea.Definition, DiffKind.Changed, id, settings));
        }
    }

    private static void CompareList(Area area, JsonArray oldList, JsonArray newList, List<DefinitionChange> changes)
    {
        var olds = Identify(area, oldList);
        var news = Identify(area, newList);
        var newById = news.ToDictionary(e => e.Id, e => e.Node, StringComparer.Ordinal);
        foreach (var (id, oldNode) in olds)
        {
            if (newById.TryGetValue(id, out var newNode))
            {
                CompareElement(area, id, oldNode, newNode, changes);
            }
            else
            {
                changes.Add(Whole(area.Kind, DiffKind.Removed, id, oldNode));
            }
        }
        var oldIds = olds.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, newNode) in news.Where(e => !oldIds.Contains(e.Id)))
        {
            changes.Add(Whole(area.Kind, DiffKind.Added, id, newNode));
        }
    }

    private static void CompareElement(Area area, string id, JsonNode? oldNode, JsonNode? newNode, List<DefinitionChange> changes)
    {
        var settings = new List<SettingChange>();
        if (oldNode is not JsonObject oldObject || newNode is not JsonObject newObject)
        {
            SettingsDiff.CompareValues("", oldNode, newNode, settings);
            AddChanged(area.Kind, DiffKind.Changed, id, settings, changes);
            return;
        }
        var isActivity = area.Kind == DiffArea.Activity;
        SettingsDiff.CompareObjects("", oldObject, newObject, settings, isActivity ? ActivitySkipped : area.Identity);
        AddChanged(area.Kind, DiffKind.Changed, id, settings, changes);
        if (isActivity)
        {
            var moves = new List<SettingChange>();
            SettingsDiff.CompareProperty("", "position", oldObject, newObject, moves);
            AddChanged(area.Kind, DiffKind.Moved, id, moves, changes);
        }
    }

    private static void AddChanged(DiffArea area, DiffKind kind, string id, List<SettingChange> settings, List<DefinitionChange> changes)
    {
        if (settings.Count > 0)
        {
            changes.Add(Changed(area, kind, id, settings));
        }
    }

    private static DefinitionChange Changed(DiffArea area, DiffKind kind, string id, List<SettingChange> settings)
    {
        var verb = kind == DiffKind.Moved ? " verplaatst" : "";
        var summary = $"{DiffLabels.Subject(area, id)}{verb}: {string.Join("; ", settings.Select(s => s.Summary))}";
        return new DefinitionChange(area, kind, id, settings, null, summary);
    }

    /// <summary>An element added or removed whole; the summary names its type when it has one (<c>Activiteit 'x' (PartnerTask) toegevoegd</c>).</summary>
    private static DefinitionChange Whole(DiffArea area, DiffKind kind, string id, JsonNode? node)
    {
        var type = node is JsonObject o && Text(o, "type") is { } t ? $" ({t})" : "";
        return new DefinitionChange(area, kind, id, [], DiffText.Json(node), $"{DiffLabels.Subject(area, id)}{type} {kind.Dutch()}");
    }

    /// <summary>Each element with its identity; repeated identities get their occurrence, missing ones their position.</summary>
    private static List<(string Id, JsonNode? Node)> Identify(Area area, JsonArray list)
    {
        var result = new List<(string, JsonNode?)>(list.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var node = list[i];
            var id = node is JsonObject o ? area.IdentityOf(o) : null;
            if (id is null)
            {
                result.Add(($"#{i + 1}", node));
                continue;
            }
            var occurrence = seen[id] = seen.GetValueOrDefault(id) + 1;
            result.Add((occurrence == 1 ? id : $"{id} ({occurrence})", node));
        }
        return result;
    }

    private static bool IsListOrAbsent(JsonObject root, string property) =>
        !root.TryGetPropertyValue(property, out var node) || node is null or JsonArray;

    private static string? Text(JsonObject item, string property) => SettingsDiff.Text(item, property, out var value) ? value : null;
}

using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Execution;

/// <summary>A read-only dictionary view of a <see cref="JsonObject"/>, so an expression's scope needs no copy of every variable.</summary>
internal sealed class JsonObjectView(JsonObject values) : IReadOnlyDictionary<string, JsonNode?>
{
    public JsonNode? this[string key] => values[key];

    public IEnumerable<string> Keys => values.Select(p => p.Key);

    public IEnumerable<JsonNode?> Values => values.Select(p => p.Value);

    public int Count => values.Count;

    public bool ContainsKey(string key) => values.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonNode? value) => values.TryGetPropertyValue(key, out value);

    public IEnumerator<KeyValuePair<string, JsonNode?>> GetEnumerator() => values.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

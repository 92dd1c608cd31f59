namespace Inburgering.Workflows.Definitions;

/// <summary>
/// Where each activity, connection, variable and parameter of a read model stood in its JSON, so errors found later
/// point at the right array index even when broken elements were skipped. A model built in code has none; its paths
/// fall back to the position in the model's lists.
/// </summary>
public sealed class SourcePaths(IReadOnlyDictionary<object, string>? paths = null)
{
    public static readonly SourcePaths None = new();

    public string Of(object item, string collection, int fallbackIndex) =>
        paths is not null && paths.TryGetValue(item, out var path) ? path : $"$.{collection}[{fallbackIndex}]";
}

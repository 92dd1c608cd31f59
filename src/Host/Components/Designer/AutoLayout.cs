using System.Text.Json.Nodes;
using Blazor.Diagrams.Core.Geometry;

namespace Inburgering.Host.Components.Designer;

/// <summary>
/// Positions for activities that have none (a definition written by hand): columns by distance from the start, rows in
/// document order. Activities with a position keep it.
/// </summary>
internal static class AutoLayout
{
    private const double ColumnWidth = 260;
    private const double RowHeight = 130;

    public static Dictionary<string, Point> Positions(DesignerSession session)
    {
        var result = new Dictionary<string, Point>(StringComparer.Ordinal);
        var depth = Depths(session);
        var rows = new Dictionary<int, int>();
        foreach (var activity in session.ActivityObjects)
        {
            if (DesignerSession.Text(activity, "key") is not { } key || result.ContainsKey(key))
            {
                continue;
            }
            if (activity["position"] is JsonObject p && p["x"] is JsonValue x && p["y"] is JsonValue y
                && x.TryGetValue<double>(out var px) && y.TryGetValue<double>(out var py))
            {
                result[key] = new Point(px, py);
                continue;
            }
            var column = depth.GetValueOrDefault(key);
            var row = rows.GetValueOrDefault(column);
            rows[column] = row + 1;
            result[key] = new Point(40 + column * ColumnWidth, 40 + row * RowHeight);
        }
        return result;
    }

    private static Dictionary<string, int> Depths(DesignerSession session)
    {
        var next = session.ConnectionTuples.ToLookup(c => c.From, c => c.To, StringComparer.Ordinal);
        var targets = session.ConnectionTuples.Select(c => c.To).ToHashSet(StringComparer.Ordinal);
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var key in session.ActivityObjects.Select(a => DesignerSession.Text(a, "key")).OfType<string>().Where(k => !targets.Contains(k)))
        {
            depth[key] = 0;
            queue.Enqueue(key);
        }
        while (queue.TryDequeue(out var key))
        {
            foreach (var to in next[key].Where(to => !depth.ContainsKey(to)))
            {
                depth[to] = depth[key] + 1;
                queue.Enqueue(to);
            }
        }
        return depth;
    }
}

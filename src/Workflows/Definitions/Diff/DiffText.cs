using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Definitions.Diff;

/// <summary>Compact JSON text of values, readable paths and the Dutch summary of one setting.</summary>
internal static class DiffText
{
    /// <summary>Values are shown, not embedded in HTML: keep ë, é and quotes readable instead of \u00EB.</summary>
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Summaries are one line: longer values are cut here (the change keeps them whole).</summary>
    private const int SummaryValueLength = 80;

    public static string Json(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    /// <summary><c>inputs</c> + <c>deadline</c> → <c>inputs.deadline</c>; a name that is not a plain word is bracketed: <c>assign['a b']</c>.</summary>
    public static string Property(string parent, string name)
    {
        if (!IsPlain(name))
        {
            return $"{parent}['{name}']";
        }
        return parent.Length == 0 ? name : $"{parent}.{name}";
    }

    /// <summary>An element of an array matched by its <c>name</c>: <c>inputs.form.fields['reden']</c>.</summary>
    public static string Named(string parent, string name) => $"{parent}['{name}']";

    public static SettingChange Setting(string path, JsonNode? oldValue, bool hadOld, JsonNode? newValue, bool hasNew)
    {
        var old = hadOld ? Json(oldValue) : null;
        var @new = hasNew ? Json(newValue) : null;
        var shown = path.Length == 0 ? "waarde" : path;
        var summary = (old, @new) switch
        {
            (null, _) => $"{shown} toegevoegd: {Short(@new!)}",
            (_, null) => $"{shown} verwijderd (was {Short(old)})",
            _ => $"{shown} gewijzigd van {Short(old)} naar {Short(@new)}",
        };
        return new SettingChange(path, old, @new, summary);
    }

    public static SettingChange Reordered(string path, JsonArray oldNames, JsonArray newNames)
    {
        var old = Json(oldNames);
        var @new = Json(newNames);
        return new SettingChange(path, old, @new, $"{path}: volgorde gewijzigd van {Short(old)} naar {Short(@new)}");
    }

    private static string Short(string json) => json.Length <= SummaryValueLength ? json : string.Concat(json.AsSpan(0, SummaryValueLength - 1), "…");

    private static bool IsPlain(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '-');
}

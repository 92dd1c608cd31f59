using System.Text.Json.Nodes;
using Inburgering.Testing;
using Inburgering.Workflows.Definitions.Diff;

namespace Inburgering.Workflows.Tests.Definitions.Diff;

/// <summary>A small definition with a partner task, a Switch and positions, and a way to compare it with a changed copy.</summary>
internal static class DiffBaseline
{
    public static JsonObject Document()
    {
        var document = new DefinitionBuilder("intake")
            .Variable("kennisgevingDatum", "date")
            .Variable("route", "text", "B1")
            .Parameter("pipTermijn", "duration", "P10W")
            .Activity("start", "Start")
            .Activity("brede-intake", "PartnerTask", new
            {
                organisation = "vluchtelingenwerk",
                title = "Brede intake",
                deadline = "P10W",
                reminders = new[] { "P5WD", "P1WD" },
                form = new
                {
                    fields = new object[] { new { name = "datum", label = "Datum intake", type = "date", required = true } },
                    outcomes = new object[] { new { name = "Afgerond", label = "Intake afgerond" } },
                },
            })
            .Activity("route-kiezen", "Switch", new
            {
                cases = new object[]
                {
                    new { name = "B1", condition = "variables.route === 'B1'" },
                    new { name = "Z", condition = "variables.route === 'Z'" },
                },
            })
            .Activity("einde", "End")
            .Connect("start", "Verder", "brede-intake")
            .Connect("brede-intake", "Afgerond", "route-kiezen")
            .Connect("route-kiezen", "B1", "einde")
            .Connect("route-kiezen", "Z", "einde")
            .ToNode();
        document["description"] = "Van kennisgeving tot brede intake.";
        Activity(document, "brede-intake")["position"] = new JsonObject { ["x"] = 100, ["y"] = 50 };
        return document;
    }

    /// <summary>The baseline against a copy changed by <paramref name="change"/>.</summary>
    public static DefinitionDiffResult Compare(Action<JsonObject> change)
    {
        var before = Document();
        var after = (JsonObject)before.DeepClone();
        change(after);
        return DefinitionDiff.Compare(before, after);
    }

    public static JsonArray ActivityList(JsonObject d) => d["activities"]!.AsArray();

    public static JsonArray ConnectionList(JsonObject d) => d["connections"]!.AsArray();

    public static JsonObject Activity(JsonObject d, string key) => ActivityList(d).Single(a => a!["key"]!.GetValue<string>() == key)!.AsObject();

    public static JsonObject Inputs(JsonObject d, string key) => Activity(d, key)["inputs"]!.AsObject();

    public static JsonObject Connection(string from, string outcome, string to) => new() { ["from"] = from, ["outcome"] = outcome, ["to"] = to };
}

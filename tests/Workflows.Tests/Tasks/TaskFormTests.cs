using System.Text.Json.Nodes;
using Inburgering.Workflows.Tasks;

namespace Inburgering.Workflows.Tests.Tasks;

public sealed class TaskFormTests
{
    private static TaskForm Form(string json)
    {
        var errors = new List<(string Path, string Message)>();
        var form = TaskFormReader.Read(JsonNode.Parse(json), errors);
        Assert.Empty(errors);
        return form;
    }

    private static TaskForm Pip => Form("""
        { "fields": [
            { "name": "leerroute", "label": "Leerroute", "type": "choice", "options": ["B1", "Z", "onderwijs"], "required": true },
            { "name": "pipDatum", "label": "Datum PIP", "type": "date", "requiredFor": ["Vastgesteld"] },
            { "name": "voortgangsgesprekken", "label": "Aantal voortgangsgesprekken", "type": "number" },
            { "name": "dualeTraject", "label": "Duaal traject", "type": "yesNo" } ],
          "outcomes": [ { "name": "Vastgesteld", "label": "PIP vastgesteld" }, { "name": "Uitgesteld", "label": "Uitgesteld (derde partij)" } ] }
        """);

    [Fact]
    public void No_form_means_one_outcome_Afgerond_and_no_fields()
    {
        var form = TaskFormReader.Read(null, []);
        var check = TaskOutcomeValidator.Check(form, null, null);

        Assert.True(check.IsValid);
        Assert.Equal("Afgerond", check.Outcome);
    }

    [Fact]
    public void Values_from_messages_arrive_as_text_and_are_normalised()
    {
        var check = TaskOutcomeValidator.Check(Pip, "Vastgesteld", new Dictionary<string, JsonNode?>
        {
            ["leerroute"] = "onderwijs", ["pipDatum"] = "2026-06-01", ["voortgangsgesprekken"] = "3", ["dualeTraject"] = "false",
        });

        Assert.True(check.IsValid);
        Assert.Equal("""{"leerroute":"onderwijs","pipDatum":"2026-06-01","voortgangsgesprekken":3,"dualeTraject":false}""", check.Fields.ToJsonString());
    }

    [Fact]
    public void Required_for_applies_only_to_its_outcomes()
    {
        var uitgesteld = TaskOutcomeValidator.Check(Pip, "Uitgesteld", new Dictionary<string, JsonNode?> { ["leerroute"] = "B1" });
        var vastgesteld = TaskOutcomeValidator.Check(Pip, "Vastgesteld", new Dictionary<string, JsonNode?> { ["leerroute"] = "B1" });
        var leeg = TaskOutcomeValidator.Check(Pip, "Uitgesteld", new Dictionary<string, JsonNode?> { ["leerroute"] = " " });

        Assert.True(uitgesteld.IsValid);
        Assert.Equal(["fields.pipDatum"], vastgesteld.Errors.Keys);
        Assert.Equal(["fields.leerroute"], leeg.Errors.Keys);
    }

    [Theory]
    [InlineData("pipDatum", "01-06-2026", "jjjj-mm-dd")]
    [InlineData("pipDatum", "2026-02-30", "jjjj-mm-dd")]
    [InlineData("voortgangsgesprekken", "drie", "getal")]
    [InlineData("voortgangsgesprekken", "2,5", "getal")]
    [InlineData("dualeTraject", "misschien", "ja of nee")]
    [InlineData("leerroute", "b1", "B1, Z, onderwijs")]
    public void A_wrong_value_is_named_with_what_is_expected(string field, string value, string expected)
    {
        var fields = new Dictionary<string, JsonNode?> { ["leerroute"] = "B1", ["pipDatum"] = "2026-06-01", [field] = value };

        var check = TaskOutcomeValidator.Check(Pip, "Vastgesteld", fields);

        Assert.Contains(expected, Assert.Single(check.Errors, e => e.Key == $"fields.{field}").Value[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused()
    {
        var form = Form("""{ "fields": [ { "name": "toelichting", "label": "Toelichting", "type": "text" } ] }""");

        var check = TaskOutcomeValidator.Check(form, null, new Dictionary<string, JsonNode?> { ["toelichting"] = new string('x', 2001) });

        Assert.Equal(["fields.toelichting"], check.Errors.Keys);
    }

    [Fact]
    public void The_reader_reports_every_problem_with_its_path()
    {
        var errors = new List<(string Path, string Message)>();
        TaskFormReader.Read(JsonNode.Parse("""
            { "fields": [ { "name": "Leerroute", "type": "choice" }, { "name": "x", "type": "date", "options": ["a"] }, { "name": "x", "type": "text", "kleur": "rood" } ],
              "outcomes": [ { "name": "Fout" }, { "name": "Klaar" }, { "name": "Klaar" } ], "extra": 1 }
            """), errors);

        Assert.Equal(
            ["extra", "fields[0].name", "fields[0].options", "fields[1].options", "fields[2].kleur", "outcomes[0].name", "outcomes[2].name"],
            errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }
}

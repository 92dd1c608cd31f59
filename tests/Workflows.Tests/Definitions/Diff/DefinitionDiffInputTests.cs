using System.Text.Json.Nodes;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Definitions.Diff;
using static Inburgering.Workflows.Tests.Definitions.Diff.DiffBaseline;

namespace Inburgering.Workflows.Tests.Definitions.Diff;

/// <summary>Nested inputs: objects by property, arrays of named objects by name, other arrays whole; and broken drafts.</summary>
public sealed class DefinitionDiffInputTests
{
    [Fact]
    public void An_added_form_field_is_one_setting_named_by_the_field()
    {
        var result = Compare(d => Inputs(d, "brede-intake")["form"]!["fields"]!.AsArray()
            .Add(new JsonObject { ["name"] = "reden", ["label"] = "Reden", ["type"] = "text" }));

        var setting = Assert.Single(Assert.Single(result.Changes).Settings);
        Assert.Equal(
            new SettingChange("inputs.form.fields['reden']", null, """{"name":"reden","label":"Reden","type":"text"}""",
                """inputs.form.fields['reden'] toegevoegd: {"name":"reden","label":"Reden","type":"text"}"""),
            setting);
    }

    [Fact]
    public void A_changed_outcome_label_and_a_removed_field_are_found_by_name()
    {
        var result = Compare(d =>
        {
            var form = Inputs(d, "brede-intake")["form"]!;
            form["outcomes"]![0]!["label"] = "Brede intake gehouden";
            form["fields"]!.AsArray().Clear();
        });

        Assert.Equal(
            [
                ("inputs.form.fields['datum']", """{"name":"datum","label":"Datum intake","type":"date","required":true}""", null),
                ("inputs.form.outcomes['Afgerond'].label", "\"Intake afgerond\"", "\"Brede intake gehouden\""),
            ],
            Assert.Single(result.Changes).Settings.Select(s => (s.Path, s.Old, s.New)));
    }

    [Fact]
    public void A_changed_reminder_list_is_compared_as_a_whole()
    {
        var result = Compare(d => Inputs(d, "brede-intake")["reminders"] = new JsonArray("P10WD", "P5WD", "P1WD"));

        var change = Assert.Single(result.Changes);
        Assert.Equal(new SettingChange("inputs.reminders", """["P5WD","P1WD"]""", """["P10WD","P5WD","P1WD"]""",
            """inputs.reminders gewijzigd van ["P5WD","P1WD"] naar ["P10WD","P5WD","P1WD"]"""), Assert.Single(change.Settings));
        Assert.Equal("""Activiteit 'brede-intake': inputs.reminders gewijzigd van ["P5WD","P1WD"] naar ["P10WD","P5WD","P1WD"]""", change.Summary);
    }

    [Fact]
    public void Reordered_switch_cases_are_a_change_of_order_and_a_changed_condition_is_found_by_case_name()
    {
        var result = Compare(d =>
        {
            var cases = Inputs(d, "route-kiezen")["cases"]!.AsArray();
            var b1 = cases[0]!.DeepClone();
            cases.RemoveAt(0);
            b1["condition"] = "variables.route === 'B1' || variables.route === 'b1'";
            cases.Add(b1);
        });

        Assert.Equal(
            [
                ("inputs.cases['B1'].condition", "\"variables.route === 'B1'\"", "\"variables.route === 'B1' || variables.route === 'b1'\""),
                ("inputs.cases", """["B1","Z"]""", """["Z","B1"]"""),
            ],
            Assert.Single(result.Changes).Settings.Select(s => (s.Path, s.Old, s.New)));
        Assert.EndsWith("""; inputs.cases: volgorde gewijzigd van ["B1","Z"] naar ["Z","B1"]""", result.Changes[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_value_is_cut_in_the_summary_but_kept_whole_in_the_setting()
    {
        var instructions = new string('x', 200);
        var result = Compare(d => Inputs(d, "brede-intake")["instructions"] = instructions);

        var setting = Assert.Single(Assert.Single(result.Changes).Settings);
        Assert.Equal($"\"{instructions}\"", setting.New);
        Assert.Equal($"inputs.instructions toegevoegd: \"{new string('x', 78)}…", setting.Summary);
    }

    [Fact]
    public void A_draft_with_validation_errors_still_diffs()
    {
        var result = Compare(Break);
        var broken = Document();
        Break(broken);

        Assert.Contains(DefinitionReader.Read(broken.ToJsonString()).Errors, e => e.Path == "$.variables");
        Assert.Equal(
            [
                (DiffArea.Definition, DiffKind.Changed, "intake"),
                (DiffArea.Activity, DiffKind.Changed, "einde"),
                (DiffArea.Activity, DiffKind.Added, "#5"),
                (DiffArea.Connection, DiffKind.Added, "route-kiezen.Anders → nergens"),
            ],
            result.Changes.Select(c => (c.Area, c.Kind, c.Key)));
        Assert.Equal(("variables", "{}"), (result.Changes[0].Settings[0].Path, result.Changes[0].Settings[0].New));
        Assert.Equal("Activiteit 'einde': type gewijzigd van \"End\" naar \"Bestaatniet\"; label toegevoegd: \"onbekende eigenschap\"", result.Changes[1].Summary);
        Assert.Equal("Activiteit '#5' (End) toegevoegd", result.Changes[2].Summary);
    }

    /// <summary>An unknown type, an unknown property, an activity without a key, a dangling connection and variables that are not a list.</summary>
    private static void Break(JsonObject d)
    {
        Activity(d, "einde")["type"] = "Bestaatniet";
        Activity(d, "einde")["label"] = "onbekende eigenschap";
        ActivityList(d).Add(new JsonObject { ["type"] = "End" });
        ConnectionList(d).Add(Connection("route-kiezen", "Anders", "nergens"));
        d["variables"] = new JsonObject();
    }
}

using System.Text.Json.Nodes;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Definitions.Diff;
using static Inburgering.Workflows.Tests.Definitions.Diff.DiffBaseline;

namespace Inburgering.Workflows.Tests.Definitions.Diff;

/// <summary>Which elements are added, removed, changed or moved: activities, connections, variables, parameters and the top level.</summary>
public sealed class DefinitionDiffTests
{
    [Fact]
    public void Identical_documents_have_no_changes()
    {
        var result = DefinitionDiff.Compare(Document(), Document());

        Assert.Empty(result.Changes);
        Assert.True(result.IsEquivalent);
    }

    [Fact]
    public void The_order_of_activities_connections_and_declarations_does_not_count()
    {
        var result = Compare(d =>
        {
            foreach (var list in new[] { ActivityList(d), ConnectionList(d), d["variables"]!.AsArray() })
            {
                var reversed = list.Reverse().Select(n => n!.DeepClone()).ToList();
                list.Clear();
                reversed.ForEach(list.Add);
            }
        });

        Assert.Empty(result.Changes);
    }

    [Fact]
    public void An_added_activity_is_reported_with_its_type_and_its_connections()
    {
        var result = Compare(d =>
        {
            ActivityList(d).Add(new JsonObject { ["key"] = "einde-z", ["type"] = "End" });
            ConnectionList(d).Add(Connection("route-kiezen", "Z", "einde-z"));
            ConnectionList(d).RemoveAt(3);
        });

        Assert.Equal(
            [
                (DiffArea.Activity, DiffKind.Added, "einde-z", "Activiteit 'einde-z' (End) toegevoegd"),
                (DiffArea.Connection, DiffKind.Removed, "route-kiezen.Z → einde", "Verbinding route-kiezen.Z → einde verwijderd"),
                (DiffArea.Connection, DiffKind.Added, "route-kiezen.Z → einde-z", "Verbinding route-kiezen.Z → einde-z toegevoegd"),
            ],
            result.Changes.Select(c => (c.Area, c.Kind, c.Key, c.Summary)));
        Assert.Equal("""{"key":"einde-z","type":"End"}""", result.Changes[0].Value);
        Assert.Empty(result.Changes[0].Settings);
        Assert.Equal((2, 1, 0, 0), (result.Added, result.Removed, result.Changed, result.Moved));
    }

    [Fact]
    public void A_removed_activity_keeps_its_whole_old_value()
    {
        var result = Compare(d => ActivityList(d).Remove(Activity(d, "einde")));

        var removed = Assert.Single(result.Changes);
        Assert.Equal((DiffArea.Activity, DiffKind.Removed, "einde"), (removed.Area, removed.Kind, removed.Key));
        Assert.Equal("Activiteit 'einde' (End) verwijderd", removed.Summary);
        Assert.Equal("""{"key":"einde","type":"End"}""", removed.Value);
    }

    [Fact]
    public void A_changed_input_gives_its_path_and_old_and_new_value()
    {
        var result = Compare(d => Inputs(d, "brede-intake")["deadline"] = "P12W");

        var change = Assert.Single(result.Changes);
        Assert.Equal((DiffArea.Activity, DiffKind.Changed, "brede-intake"), (change.Area, change.Kind, change.Key));
        Assert.Equal(new SettingChange("inputs.deadline", "\"P10W\"", "\"P12W\"", "inputs.deadline gewijzigd van \"P10W\" naar \"P12W\""), Assert.Single(change.Settings));
        Assert.Equal("Activiteit 'brede-intake': inputs.deadline gewijzigd van \"P10W\" naar \"P12W\"", change.Summary);
        Assert.Equal((0, 0, 1), (result.Added, result.Removed, result.Changed));
    }

    [Fact]
    public void Several_settings_of_one_activity_are_one_change_with_each_setting()
    {
        var result = Compare(d =>
        {
            Activity(d, "brede-intake")["displayName"] = "Brede intake (VWN)";
            Activity(d, "brede-intake")["onFault"] = "continue";
            Inputs(d, "brede-intake").Remove("title");
            Inputs(d, "brede-intake")["deadline"] = new JsonObject { ["expression"] = "parameters.pipTermijn" };
        });

        var change = Assert.Single(result.Changes);
        Assert.Equal(
            [
                ("inputs.title", "\"Brede intake\"", null),
                ("inputs.deadline", "\"P10W\"", """{"expression":"parameters.pipTermijn"}"""),
                ("displayName", null, "\"Brede intake (VWN)\""),
                ("onFault", null, "\"continue\""),
            ],
            change.Settings.Select(s => (s.Path, s.Old, s.New)));
        Assert.Equal(
            "Activiteit 'brede-intake': inputs.title verwijderd (was \"Brede intake\"); inputs.deadline gewijzigd van \"P10W\" naar {\"expression\":\"parameters.pipTermijn\"}; displayName toegevoegd: \"Brede intake (VWN)\"; onFault toegevoegd: \"continue\"",
            change.Summary);
    }

    [Fact]
    public void A_connection_to_another_target_is_one_removed_and_one_added()
    {
        var result = Compare(d => ConnectionList(d)[2]!["to"] = "brede-intake");

        Assert.Equal(
            [(DiffKind.Removed, "route-kiezen.B1 → einde"), (DiffKind.Added, "route-kiezen.B1 → brede-intake")],
            result.Changes.Select(c => (c.Kind, c.Key)));
        Assert.All(result.Changes, c => Assert.Equal(DiffArea.Connection, c.Area));
        Assert.Equal("""{"from":"route-kiezen","outcome":"B1","to":"brede-intake"}""", result.Changes[1].Value);
    }

    [Fact]
    public void Variables_are_matched_by_name()
    {
        var result = Compare(d =>
        {
            var variables = d["variables"]!.AsArray();
            variables.RemoveAt(0);
            variables[0]!["default"] = "Z";
            variables.Add(new JsonObject { ["name"] = "bsn", ["type"] = "text", ["sensitive"] = true });
        });

        Assert.Equal(
            [
                (DiffArea.Variable, DiffKind.Removed, "kennisgevingDatum", "Variabele 'kennisgevingDatum' (date) verwijderd"),
                (DiffArea.Variable, DiffKind.Changed, "route", "Variabele 'route': default gewijzigd van \"B1\" naar \"Z\""),
                (DiffArea.Variable, DiffKind.Added, "bsn", "Variabele 'bsn' (text) toegevoegd"),
            ],
            result.Changes.Select(c => (c.Area, c.Kind, c.Key, c.Summary)));
    }

    [Fact]
    public void Parameters_are_matched_by_name()
    {
        var result = Compare(d =>
        {
            var parameter = d["parameters"]![0]!;
            parameter["default"] = "P12W";
            parameter["source"] = "Besluit inburgering 2021 art. 5.3 lid 1";
            d["parameters"]!.AsArray().Add(new JsonObject { ["name"] = "herinneringen", ["type"] = "json", ["default"] = new JsonArray("P5WD") });
        });

        Assert.Equal(
            [
                (DiffKind.Changed, "pipTermijn", "Parameter 'pipTermijn': default gewijzigd van \"P10W\" naar \"P12W\"; source toegevoegd: \"Besluit inburgering 2021 art. 5.3 lid 1\""),
                (DiffKind.Added, "herinneringen", "Parameter 'herinneringen' (json) toegevoegd"),
            ],
            result.Changes.Select(c => (c.Kind, c.Key, c.Summary)));
        Assert.All(result.Changes, c => Assert.Equal(DiffArea.Parameter, c.Area));
    }

    [Fact]
    public void Top_level_settings_are_one_change_of_the_definition()
    {
        var result = Compare(d =>
        {
            d["name"] = "Intake statushouder";
            d.Remove("description");
            d["$schema"] = "../docs/workflow-definition.schema.json";
            d["version"] = 7;
        });

        var change = Assert.Single(result.Changes);
        Assert.Equal((DiffArea.Definition, DiffKind.Changed, "intake"), (change.Area, change.Kind, change.Key));
        Assert.Equal(
            "Definitie: name gewijzigd van \"intake\" naar \"Intake statushouder\"; description verwijderd (was \"Van kennisgeving tot brede intake.\")",
            change.Summary);
    }

    [Fact]
    public void Moving_an_activity_on_the_canvas_is_a_move_not_a_change()
    {
        var result = Compare(d => Activity(d, "brede-intake")["position"]!["x"] = 300);

        var move = Assert.Single(result.Changes);
        Assert.Equal((DiffArea.Activity, DiffKind.Moved, "brede-intake"), (move.Area, move.Kind, move.Key));
        Assert.Equal(new SettingChange("position.x", "100", "300", "position.x gewijzigd van 100 naar 300"), Assert.Single(move.Settings));
        Assert.Equal("Activiteit 'brede-intake' verplaatst: position.x gewijzigd van 100 naar 300", move.Summary);
        Assert.Equal((0, 0, 0, 1), (result.Added, result.Removed, result.Changed, result.Moved));
        Assert.True(result.IsEquivalent);
    }

    [Fact]
    public void A_move_and_a_change_of_one_activity_are_reported_apart()
    {
        var result = Compare(d =>
        {
            Activity(d, "einde")["position"] = new JsonObject { ["x"] = 500, ["y"] = 0 };
            Activity(d, "einde")["inputs"] = new JsonObject { ["terminate"] = true };
        });

        Assert.Equal(
            [
                (DiffKind.Changed, "Activiteit 'einde': inputs toegevoegd: {\"terminate\":true}"),
                (DiffKind.Moved, "Activiteit 'einde' verplaatst: position toegevoegd: {\"x\":500,\"y\":0}"),
            ],
            result.Changes.Select(c => (c.Kind, c.Summary)));
        Assert.False(result.IsEquivalent);
    }

    [Fact]
    public void Text_compares_with_comments_and_trailing_commas_and_keeps_accents_readable()
    {
        var before = """{ "id": "x", "name": "Einde" }""";
        var after = """
            // hand-written
            { "id": "x", "name": "Beëindigd", }
            """;

        var change = Assert.Single(DefinitionDiff.Compare(before, after).Changes);

        Assert.Equal("Definitie: name gewijzigd van \"Einde\" naar \"Beëindigd\"", change.Summary);
    }
}

using System.Text.Json.Nodes;
using Inburgering.Host.Components.Designer;
using Inburgering.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Host.Tests.Designer;

/// <summary>The designer's document model: every gesture is an edit of the definition JSON that validates and can be undone.</summary>
public sealed class DesignerSessionTests : IDisposable
{
    private readonly ServiceProvider _services = DesignerServices.Build();

    [Fact]
    public void Activities_get_readable_keys_and_the_validator_reports_what_is_still_missing()
    {
        var session = DesignerServices.NewSession(_services);

        Assert.Contains(session.Errors, e => e.Code == DefinitionErrorCodes.NoStart);
        var start = session.AddActivity("Start", 40, 80);
        var task = session.AddActivity("PartnerTask", 300, 80);
        var task2 = session.AddActivity("PartnerTask", 300, 240);

        Assert.Equal(("start-1", "partner-task-1", "partner-task-2"), (start, task, task2));
        Assert.DoesNotContain(session.Errors, e => e.Code == DefinitionErrorCodes.NoStart);
        Assert.Contains(session.Errors, e => e.Code == DefinitionErrorCodes.MissingInput && e.Path == "$.activities[1].inputs");
        Assert.Equal(new JsonObject { ["x"] = 300, ["y"] = 80 }.ToJsonString(), session.FindActivity(task)!["position"]!.ToJsonString());
        Assert.True(session.IsDirty);
    }

    [Fact]
    public void Undo_and_redo_walk_back_and_forth_through_the_edits()
    {
        var session = DesignerServices.NewSession(_services);
        var start = session.AddActivity("Start", 0, 0);
        var end = session.AddActivity("End", 200, 0);
        Assert.True(session.Connect(start, "Verder", end));
        Assert.False(session.Connect(start, "Verder", end));
        Assert.Empty(session.Errors);

        session.Undo();
        Assert.Empty(session.Connections);
        Assert.Contains(session.Errors, e => e.Code == DefinitionErrorCodes.UnconnectedOutcome);
        session.Undo();
        Assert.Null(session.FindActivity(end));
        Assert.True(session.CanRedo);

        session.Redo();
        session.Redo();
        Assert.Equal([(start, "Verder", end)], session.ConnectionTuples);
        Assert.False(session.CanRedo);
        Assert.Empty(session.Errors);

        session.MoveActivity(end, 260, 20);
        Assert.False(session.CanRedo);
    }

    [Fact]
    public void Removing_an_activity_removes_its_connections_in_one_undo_step()
    {
        var session = DesignerServices.NewSession(_services);
        var start = session.AddActivity("Start", 0, 0);
        var wait = session.AddActivity("Delay", 200, 0);
        var end = session.AddActivity("End", 400, 0);
        session.Connect(start, "Verder", wait);
        session.Connect(wait, "Verder", end);

        session.RemoveActivities([wait]);

        Assert.Null(session.FindActivity(wait));
        Assert.Empty(session.Connections);
        session.Undo();
        Assert.Equal(2, session.Connections.Count);
        Assert.NotNull(session.FindActivity(wait));
    }

    [Fact]
    public void Renaming_a_key_renames_it_in_every_connection_and_a_taken_key_is_refused()
    {
        var session = DesignerServices.NewSession(_services);
        var start = session.AddActivity("Start", 0, 0);
        var end = session.AddActivity("End", 200, 0);
        session.Connect(start, "Verder", end);

        Assert.False(session.RenameActivity(end, start));
        Assert.True(session.RenameActivity(end, "einde"));

        Assert.Equal([(start, "Verder", "einde")], session.ConnectionTuples);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public void A_partner_tasks_ports_follow_its_form_and_errors_point_at_the_field()
    {
        var session = DesignerServices.NewSession(_services);
        session.AddActivity("Start", 0, 0);
        var task = session.AddActivity("PartnerTask", 200, 0);
        Assert.Equal(["Afgerond"], session.OutcomesOf(task).Select(o => o.Name));

        session.SetInput(task, "form", new JsonObject
        {
            ["fields"] = new JsonArray(),
            ["outcomes"] = new JsonArray(
                new JsonObject { ["name"] = "Afgerond", ["label"] = "Afgerond" },
                new JsonObject { ["name"] = "NietVerschenen", ["label"] = "Niet verschenen" }),
        });

        Assert.Equal(["Afgerond", "NietVerschenen"], session.OutcomesOf(task).Select(o => o.Name));
        var errors = session.ErrorsOf(task);
        Assert.Contains(errors["organisation"], e => e.Code == DefinitionErrorCodes.MissingInput);
        Assert.Contains(errors["title"], e => e.Code == DefinitionErrorCodes.MissingInput);
        Assert.Equal(2, errors[""].Count(e => e.Code == DefinitionErrorCodes.UnconnectedOutcome));

        session.SetInput(task, "organisation", JsonValue.Create("isd-bollenstreek"));
        Assert.Empty(session.ErrorsOf(task)["organisation"]);
        session.SetInput(task, "organisation", null);
        Assert.False(session.FindActivity(task)!["inputs"]!.AsObject().ContainsKey("organisation"));
    }

    [Fact]
    public void Canvas_gestures_do_not_ask_the_canvas_to_redraw_but_other_edits_do()
    {
        var session = DesignerServices.NewSession(_services);
        var start = session.AddActivity("Start", 0, 0);
        var end = session.AddActivity("End", 200, 0);
        var rebuilds = new List<bool>();
        session.Changed += rebuilds.Add;

        session.Connect(start, "Verder", end, fromCanvas: true);
        session.MoveActivity(end, 300, 0);
        session.SetDisplayName(end, "Klaar");
        session.Disconnect([(start, "Verder", end)]);

        Assert.Equal([false, false, true, true], rebuilds);
    }

    [Fact]
    public void An_error_path_leads_to_the_activity_and_input_it_is_about()
    {
        var session = DesignerServices.NewSession(_services);
        session.AddActivity("Start", 0, 0);
        var task = session.AddActivity("PartnerTask", 200, 0);

        var target = ErrorTarget.Of("$.activities[1].inputs.deadline", session);
        Assert.Equal((1, "deadline", ErrorTarget.ActivitiesArea), (target.ActivityIndex, target.Input, target.Area));
        Assert.Equal(task, session.KeyAt(target.ActivityIndex));
        Assert.Equal(ErrorTarget.VariablesArea, ErrorTarget.Of("$.variables[0].default", session).Area);
        Assert.Equal(ErrorTarget.DefinitionArea, ErrorTarget.Of("$", session).Area);
    }

    public void Dispose() => _services.Dispose();
}

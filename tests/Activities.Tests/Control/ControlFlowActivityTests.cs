using Inburgering.Testing;
using Inburgering.Workflows.Instances;

namespace Inburgering.Activities.Tests.Control;

/// <summary>Each control-flow activity in a small definition, run by the harness on SQLite with fake time.</summary>
public sealed class ControlFlowActivityTests : IAsyncLifetime
{
    private WorkflowHarness _h = null!;

    public async Task InitializeAsync() => _h = await WorkflowHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Start_and_End_complete_an_instance_in_one_burst()
    {
        await _h.PublishAsync(new DefinitionBuilder("kort").Activity("start", "Start").Activity("einde", "End").Connect("start", "Verder", "einde").ToJson());

        var view = await _h.GetAsync(await _h.StartAsync("kort"));

        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal(
            [JournalKind.InstanceStarted, JournalKind.ActivityCompleted, JournalKind.ActivityCompleted, JournalKind.InstanceCompleted],
            view.Journal.Select(j => j.Kind));
    }

    [Theory]
    [InlineData("B1", "einde-ja")]
    [InlineData("Z", "einde-nee")]
    public async Task Decision_leaves_by_Ja_or_Nee(string leerroute, string expectedEnd)
    {
        await _h.PublishAsync(new DefinitionBuilder("beslissing")
            .Variable("leerroute", "text")
            .Activity("start", "Start").Activity("keuze", "Decision", new { condition = "variables.leerroute === 'B1'" })
            .Activity("einde-ja", "End").Activity("einde-nee", "End")
            .Connect("start", "Verder", "keuze").Connect("keuze", "Ja", "einde-ja").Connect("keuze", "Nee", "einde-nee").ToJson());

        var view = await _h.GetAsync(await _h.StartAsync("beslissing", new { leerroute }));

        Assert.Equal(1, view.Count(JournalKind.ActivityCompleted, expectedEnd));
        Assert.Equal(2, view.Count(JournalKind.ActivityCompleted, "keuze") + view.Count(JournalKind.ActivityCompleted, expectedEnd));
    }

    [Theory]
    [InlineData("B1", "b1")]
    [InlineData("Z", "z")]
    [InlineData("onderwijs", "anders")]
    public async Task Switch_takes_the_first_case_that_holds_or_Anders(string leerroute, string expectedEnd)
    {
        await _h.PublishAsync(new DefinitionBuilder("keuze")
            .Variable("leerroute", "text")
            .Activity("start", "Start")
            .Activity("route", "Switch", new { cases = new object[] { new { name = "B1", condition = "variables.leerroute === 'B1'" }, new { name = "Z", condition = "variables.leerroute === 'Z'" }, new { name = "OokB1", condition = "variables.leerroute === 'B1'" } } })
            .Activity("b1", "End").Activity("z", "End").Activity("ook", "End").Activity("anders", "End")
            .Connect("start", "Verder", "route").Connect("route", "B1", "b1").Connect("route", "Z", "z").Connect("route", "OokB1", "ook").Connect("route", "Anders", "anders")
            .ToJson());

        var view = await _h.GetAsync(await _h.StartAsync("keuze", new { leerroute }));

        Assert.Equal(1, view.Count(JournalKind.ActivityCompleted, expectedEnd));
        Assert.Equal(0, view.Count(JournalKind.ActivityCompleted, "ook"));
    }

    [Fact]
    public async Task SetVariable_computes_from_variables_and_parameters()
    {
        await _h.PublishAsync(new DefinitionBuilder("zetten")
            .Variable("uren", "number", 400).Parameter("extra", "number", 200)
            .Activity("start", "Start").Activity("optellen", "SetVariable", new { variable = "uren", value = "variables.uren + parameters.extra" }).Activity("einde", "End")
            .Connect("start", "Verder", "optellen").Connect("optellen", "Verder", "einde").ToJson());

        var view = await _h.GetAsync(await _h.StartAsync("zetten"));

        Assert.Equal(600, view.Variables["uren"]!.GetValue<double>());
    }

    [Fact]
    public async Task Join_all_waits_for_every_branch()
    {
        await _h.PublishAsync(TwoBranches("alle", "all"));
        var id = await _h.StartAsync("alle");

        await _h.DeliverAsync(id, "Links");
        var half = await _h.GetAsync(id);
        await _h.DeliverAsync(id, "Rechts");
        var done = await _h.GetAsync(id);

        Assert.Equal((InstanceStatus.Running, 0), (half.Status, half.Count(JournalKind.ActivityCompleted, "einde")));
        Assert.Equal((InstanceStatus.Completed, 1), (done.Status, done.Count(JournalKind.ActivityCompleted, "einde")));
    }

    [Fact]
    public async Task Join_any_continues_with_the_first_branch_and_cancels_the_other()
    {
        await _h.PublishAsync(TwoBranches("eerste", "any"));
        var id = await _h.StartAsync("eerste");

        await _h.DeliverAsync(id, "Rechts");

        var view = await _h.GetAsync(id);
        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal(1, view.Count(JournalKind.WaitCancelled, "links"));
        Assert.Equal(1, view.Count(JournalKind.ActivityCompleted, "einde"));
    }

    [Fact]
    public async Task Join_any_continues_once_when_several_branches_arrive_in_the_same_burst()
    {
        await _h.PublishAsync(new DefinitionBuilder("eenmaal")
            .Variable("teller", "number", 0)
            .Activity("start", "Start").Activity("splits", "Fork", new { branches = new[] { "a", "b" } })
            .Activity("links", "SetVariable", new { variable = "teller", value = "variables.teller" })
            .Activity("rechts", "SetVariable", new { variable = "teller", value = "variables.teller" })
            .Activity("samen", "Join", new { mode = "any" })
            .Activity("tellen", "SetVariable", new { variable = "teller", value = "variables.teller + 1" })
            .Activity("einde", "End")
            .Connect("start", "Verder", "splits").Connect("splits", "a", "links").Connect("splits", "b", "rechts")
            .Connect("links", "Verder", "samen").Connect("rechts", "Verder", "samen")
            .Connect("samen", "Verder", "tellen").Connect("tellen", "Verder", "einde").ToJson());

        var view = await _h.GetAsync(await _h.StartAsync("eenmaal"));

        Assert.Equal(1, view.Variables["teller"]!.GetValue<double>());
        Assert.Equal(InstanceStatus.Completed, view.Status);
    }

    [Fact]
    public async Task Join_all_that_can_never_complete_raises_an_incident_instead_of_ending_the_klantreis()
    {
        await _h.PublishAsync(new DefinitionBuilder("vast")
            .Activity("start", "Start").Activity("keuze", "Decision", new { condition = "true" })
            .Activity("samen", "Join", new { mode = "all" }).Activity("einde", "End")
            .Connect("start", "Verder", "keuze").Connect("keuze", "Ja", "samen").Connect("keuze", "Nee", "samen")
            .Connect("samen", "Verder", "einde").ToJson());

        var view = await _h.GetAsync(await _h.StartAsync("vast"));

        Assert.Equal(InstanceStatus.Faulted, view.Status);
        Assert.Equal("samen", Assert.Single(view.Incidents).ActivityKey);
    }

    [Fact]
    public async Task End_with_terminate_ends_the_instance_and_cancels_other_waits()
    {
        await _h.PublishAsync(new DefinitionBuilder("stoppen")
            .Activity("start", "Start").Activity("splits", "Fork", new { branches = new[] { "wacht", "stop" } })
            .Activity("wachten", "WaitForEvent", new { @event = "Nooit" }).Activity("klaar", "End")
            .Activity("stop", "End", new { terminate = true })
            .Connect("start", "Verder", "splits").Connect("splits", "wacht", "wachten").Connect("splits", "stop", "stop").Connect("wachten", "Ontvangen", "klaar")
            .ToJson());

        var view = await _h.GetAsync(await _h.StartAsync("stoppen"));

        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Empty(view.Waits);
        Assert.Equal(1, view.Count(JournalKind.WaitCancelled, "wachten"));
    }

    internal static string TwoBranches(string id, string mode) => new DefinitionBuilder(id)
        .Activity("start", "Start").Activity("splits", "Fork", new { branches = new[] { "l", "r" } })
        .Activity("links", "WaitForEvent", new { @event = "Links" }).Activity("rechts", "WaitForEvent", new { @event = "Rechts" })
        .Activity("samen", "Join", new { mode }).Activity("einde", "End")
        .Connect("start", "Verder", "splits").Connect("splits", "l", "links").Connect("splits", "r", "rechts")
        .Connect("links", "Ontvangen", "samen").Connect("rechts", "Ontvangen", "samen").Connect("samen", "Verder", "einde")
        .ToJson();
}

using System.Text.Json.Nodes;
using Inburgering.Testing;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Instances;

namespace Inburgering.Workflows.Tests.Execution;

/// <summary>
/// Taking over a klantreis that is already under way: the instance starts at the named activities, with the given
/// variables, instead of at Start. Bad start points are refused with the field that is wrong, and nothing is saved.
/// </summary>
public sealed class StartAtTests
{
    private const string Flow = "overname";

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task A_taken_over_instance_starts_at_the_named_activities_and_runs_on_from_there(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(Flows.ForkJoin(Flow, 2));

        // Start and the Fork happened elsewhere; the instance arrives with what it knows so far.
        var instance = await h.Runner.StartAsync(new StartInstanceRequest(
            Flow, CorrelationKey: "klant-1", Variables: new JsonObject { ["ontvangen"] = 10 }, StartAt: ["wacht-b1", "wacht-b2"]));

        var view = await h.GetAsync(instance.Id);
        Assert.Equal(InstanceStatus.Running, view.Status);
        Assert.Equal(["wacht-b1", "wacht-b2"], view.WaitingAt.Order());
        Assert.Equal(0, view.Count(JournalKind.ActivityCompleted, "start"));
        Assert.Equal(0, view.Count(JournalKind.ActivityCompleted, "splits"));
        Assert.Equal($"Overgenomen op {Flow} versie 1: gestart bij 'wacht-b1', 'wacht-b2'.", view.Journal[0].Message);
        Assert.StartsWith(StartPoints.TakeOverPrefix, view.Journal[0].Message, StringComparison.Ordinal);

        await h.DeliverAsync(instance.Id, "e1");
        await h.DeliverAsync(instance.Id, "e2");
        view = await h.GetAsync(instance.Id);
        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal(12, view.Variables["ontvangen"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task A_Join_counts_the_branches_that_ran_before_the_take_over_as_arrived(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(Flows.ForkJoin(Flow, 3));

        // b1 and b2 happened elsewhere: only b3 runs here, and the Join must not wait for the other two for ever.
        var instance = await h.Runner.StartAsync(new StartInstanceRequest(Flow, StartAt: ["wacht-b3"]));
        var started = await h.GetAsync(instance.Id);
        Assert.Equal(["wacht-b3"], started.WaitingAt);
        Assert.Equal($"Overgenomen op {Flow} versie 1: gestart bij 'wacht-b3'; 'samen' telt 'wacht-b1.Ontvangen', 'wacht-b2.Ontvangen' als al gedaan.", started.Journal[0].Message);

        await h.DeliverAsync(instance.Id, "e3");

        var view = await h.GetAsync(instance.Id);
        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Empty(view.Incidents);
        Assert.Equal(1, view.Count(JournalKind.ActivityCompleted, "einde"));
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task A_normal_instance_s_Join_still_waits_for_every_branch(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(Flows.ForkJoin(Flow, 2));

        var id = await h.StartAsync(Flow);
        await h.DeliverAsync(id, "e1");

        var view = await h.GetAsync(id);
        Assert.Equal(InstanceStatus.Running, view.Status);
        Assert.Equal(["wacht-b2"], view.WaitingAt);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task Unknown_repeated_or_Join_start_points_are_refused_by_field_and_nothing_is_saved(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(Flows.ForkJoin(Flow, 2));

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => h.Runner.StartAsync(
            new StartInstanceRequest(Flow, StartAt: ["bestaat-niet", "wacht-b1", "wacht-b1", "samen"])));

        Assert.Equal(["startAt[0]", "startAt[2]", "startAt[3]"], refused.Errors.Select(e => e.Field));
        Assert.Contains("no activity 'bestaat-niet'", refused.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("named twice", refused.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("Join", refused.Errors[2].Message, StringComparison.Ordinal);
        Assert.Equal(0, await h.QueryAsync(db => Task.FromResult(db.Instances.Count())));
    }

    [Fact]
    public async Task Without_start_points_it_starts_at_Start_as_always()
    {
        await using var h = await WorkflowHarness.CreateAsync();
        await h.PublishAsync(Flows.ForkJoin(Flow, 2));

        var instance = await h.Runner.StartAsync(new StartInstanceRequest(Flow, StartAt: []));

        var view = await h.GetAsync(instance.Id);
        Assert.Equal(["wacht-b1", "wacht-b2"], view.WaitingAt.Order());
        Assert.Equal($"Gestart op {Flow} versie 1.", view.Journal[0].Message);
    }
}

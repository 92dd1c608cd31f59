using Inburgering.Testing;
using Inburgering.Workflows.Instances;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Workflows.Tests.Tasks;

/// <summary>Inbound events with a message id have one effect however often they arrive (the inbox table).</summary>
public sealed class EventIdempotencyTests
{
    private static string Counter(string id) => new DefinitionBuilder(id)
        .Variable("aantal", "number", 0)
        .Activity("start", "Start")
        .Activity("wacht", "WaitForEvent", new { @event = "ExamenUitslag", assign = new { aantal = "variables.aantal + 1" } })
        .Activity("nog-een", "WaitForEvent", new { @event = "ExamenUitslag", assign = new { aantal = "variables.aantal + 1" } })
        .Activity("einde", "End")
        .Connect("start", "Verder", "wacht").Connect("wacht", "Ontvangen", "nog-een").Connect("nog-een", "Ontvangen", "einde").ToJson();

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task The_same_message_twice_resumes_once_and_a_new_message_resumes_again(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(Counter("examens"));
        var id = await h.StartAsync("examens", correlationKey: "kr-7");

        var first = await h.Runner.DeliverEventByCorrelationAsync("kr-7", "ExamenUitslag", null, "m-1");
        var again = await h.Runner.DeliverEventByCorrelationAsync("kr-7", "ExamenUitslag", null, "m-1");
        var running = await h.GetAsync(id);
        var second = await h.Runner.DeliverEventByCorrelationAsync("kr-7", "ExamenUitslag", null, "m-2");

        Assert.Equal([id], first);
        Assert.Empty(again);
        Assert.Equal((InstanceStatus.Running, 1.0), (running.Status, running.Variables["aantal"]!.GetValue<double>()));
        Assert.Equal([id], second);
        Assert.Equal(InstanceStatus.Completed, (await h.GetAsync(id)).Status);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task A_message_kept_for_a_klantreis_that_does_not_exist_yet_is_kept_once(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(Counter("examens"));

        await h.Runner.DeliverEventByCorrelationAsync("kr-8", "ExamenUitslag", null, "m-1");
        await h.Runner.DeliverEventByCorrelationAsync("kr-8", "ExamenUitslag", null, "m-1");
        var kept = await h.QueryAsync(db => db.PendingEvents.CountAsync());
        var id = await h.StartAsync("examens", correlationKey: "kr-8");
        var redelivered = await h.Runner.DeliverEventByCorrelationAsync("kr-8", "ExamenUitslag", null, "m-1");

        Assert.Equal(1, kept);
        Assert.Empty(redelivered);
        Assert.Equal(1.0, (await h.GetAsync(id)).Variables["aantal"]!.GetValue<double>());
    }
}

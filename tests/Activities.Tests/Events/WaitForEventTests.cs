using Inburgering.Testing;
using Inburgering.Workflows.Instances;

namespace Inburgering.Activities.Tests.Events;

public sealed class WaitForEventTests : IAsyncLifetime
{
    private WorkflowHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await WorkflowHarness.CreateAsync();
        await _h.PublishAsync(new DefinitionBuilder("kennisgeving")
            .Variable("kennisgeving", "json").Variable("datum", "date").Variable("weken", "number")
            .Parameter("pipWeken", "number", 10)
            .Activity("start", "Start")
            .Activity("wacht", "WaitForEvent", new { @event = "DuoKennisgeving", payloadVariable = "kennisgeving", assign = new { datum = "input.datum", weken = "parameters.pipWeken" } })
            .Activity("einde", "End")
            .Connect("start", "Verder", "wacht").Connect("wacht", "Ontvangen", "einde").ToJson());
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Waits_for_its_event_and_maps_the_payload_into_variables()
    {
        var id = await _h.StartAsync("kennisgeving");
        var waiting = await _h.GetAsync(id);

        await _h.DeliverAsync(id, "AndereGebeurtenis");
        await _h.DeliverAsync(id, "DuoKennisgeving", new { datum = "2026-03-02", kenmerk = "K-1" });

        var done = await _h.GetAsync(id);
        Assert.Equal("DuoKennisgeving", Assert.Single(waiting.Waits).EventName);
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Equal("2026-03-02", done.Variables["datum"]!.GetValue<string>());
        Assert.Equal(10, done.Variables["weken"]!.GetValue<double>());
        Assert.Equal("K-1", done.Variables["kennisgeving"]!["kenmerk"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_event_delivered_before_the_wait_is_consumed_when_it_opens()
    {
        var early = await _h.Runner.DeliverEventByCorrelationAsync("klantreis-42", "DuoKennisgeving", WorkflowHarness.ToJson(new { datum = "2026-01-15" }));
        var id = await _h.StartAsync("kennisgeving", correlationKey: "klantreis-42");

        var view = await _h.GetAsync(id);
        Assert.Empty(early);
        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal("2026-01-15", view.Variables["datum"]!.GetValue<string>());
    }
}

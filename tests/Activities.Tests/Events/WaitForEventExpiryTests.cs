using Inburgering.Testing;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Definitions.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Activities.Tests.Events;

/// <summary>
/// <c>onDeadline: verlopen</c> on a WaitForEvent: a window that closes. A boetebesluit made known on Tuesday 2027-03-02
/// has a bezwaar term of 6 weeks (Awb 6:7–6:8) ending Tuesday 2027-04-13; no bezwaar by then makes the fine final.
/// </summary>
public sealed class WaitForEventExpiryTests
{
    private static string Definition() => new DefinitionBuilder("bezwaar")
        .Variable("besluitDatum", "date", "2027-03-02").Variable("uitkomst", "text")
        .Activity("start", "Start")
        .Activity("bezwaartermijn", "WaitForEvent", new
        {
            @event = "BezwaarIngediend",
            deadline = "P6W", deadlineKind = "wettelijk", deadlineStart = new { expression = "variables.besluitDatum" },
            deadlineRule = "Bezwaar binnen 6 weken na bekendmaking", onDeadline = "verlopen",
        })
        .Activity("bezwaar", "SetVariable", new { variable = "uitkomst", value = "'bezwaar'" })
        .Activity("onherroepelijk", "SetVariable", new { variable = "uitkomst", value = "'onherroepelijk'" })
        .Activity("einde", "End")
        .Connect("start", "Verder", "bezwaartermijn")
        .Connect("bezwaartermijn", "Ontvangen", "bezwaar").Connect("bezwaartermijn", "Verlopen", "onherroepelijk")
        .Connect("bezwaar", "Verder", "einde").Connect("onherroepelijk", "Verder", "einde").ToJson();

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task Without_the_event_the_wait_expires_after_the_last_day_and_leaves_by_Verlopen_without_escalating(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        h.Time.SetUtcNow(new DateTimeOffset(2027, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await h.PublishAsync(Definition());
        var id = await h.StartAsync("bezwaar");

        await h.AdvanceAsync(new DateTimeOffset(2027, 4, 13, 21, 0, 0, TimeSpan.Zero) - h.Time.GetUtcNow()); // 23:00 local on the last day
        var lastDay = await h.GetAsync(id);
        await h.AdvanceAsync(TimeSpan.FromHours(2));
        var after = await h.GetAsync(id);

        Assert.Equal(InstanceStatus.Running, lastDay.Status);
        Assert.Equal(InstanceStatus.Completed, after.Status);
        Assert.Equal("onherroepelijk", after.Variables["uitkomst"]!.GetValue<string>());
        Assert.Equal(1, after.Count(JournalKind.DeadlineExpired, "bezwaartermijn"));
        Assert.Equal(0, await h.QueryAsync(db => db.Outbox.CountAsync(o => o.MessageType == nameof(Contracts.Tasks.StepOverdue))));
    }

    [Fact]
    public async Task The_event_within_the_window_leaves_by_Ontvangen_and_cancels_the_expiry()
    {
        await using var h = await WorkflowHarness.CreateAsync();
        h.Time.SetUtcNow(new DateTimeOffset(2027, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await h.PublishAsync(Definition());
        var id = await h.StartAsync("bezwaar");

        await h.AdvanceAsync(TimeSpan.FromDays(20));
        await h.DeliverAsync(id, "BezwaarIngediend", new { datum = "2027-03-22" });
        await h.AdvanceAsync(TimeSpan.FromDays(60));

        var view = await h.GetAsync(id);
        Assert.Equal("bezwaar", view.Variables["uitkomst"]!.GetValue<string>());
        Assert.Equal(0, view.Count(JournalKind.DeadlineExpired));
    }

    [Fact]
    public async Task Verlopen_without_a_deadline_is_a_definition_error()
    {
        await using var h = await WorkflowHarness.CreateAsync();
        var json = new DefinitionBuilder("fout")
            .Activity("start", "Start")
            .Activity("wacht", "WaitForEvent", new { @event = "X", onDeadline = "verlopen" })
            .Activity("einde", "End")
            .Connect("start", "Verder", "wacht").Connect("wacht", "Ontvangen", "einde").Connect("wacht", "Verlopen", "einde").ToJson();

        var errors = h.Services.GetRequiredService<DefinitionValidator>().Validate(json).Errors;

        Assert.Contains(errors, e => e.Path == "$.activities[1].inputs.onDeadline" && e.Code == "missing-input");
    }
}

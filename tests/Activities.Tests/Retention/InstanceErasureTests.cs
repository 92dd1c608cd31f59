using Inburgering.Activities.Tests.Tasks;
using Inburgering.Testing;
using Inburgering.Workflows.Audit;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Oversight;
using Inburgering.Workflows.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Activities.Tests.Retention;

/// <summary>Erasing a finished klantreis (Besluit 9.9) takes every row the engine holds of it, and nothing else.</summary>
public sealed class InstanceErasureTests
{
    private static readonly AuditActor Regie = new("r.regie", "regie", null);

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task A_finished_klantreis_is_erased_whole_and_the_others_are_untouched(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(SampleFlows.Intake("intake", reminders: ["P5WD"]));
        var erased = await h.StartAsync("intake", correlationKey: "kr-wissen");
        var kept = await h.StartAsync("intake", correlationKey: "kr-blijft");
        await h.AdvanceAsync(TimeSpan.FromDays(63)); // reminders went out: task history and timers on both
        await h.CompleteAsync((await h.TaskOfAsync(erased)).Id, "Afgerond", new { leerroute = "B1", pipDatum = "2026-05-04" });
        await h.Runner.DeliverEventAsync(erased, "NietVoorHier", null); // an event kept for it, too
        var before = await CountsAsync(h, kept);

        var outcome = await h.Services.GetRequiredService<InstanceErasure>().EraseAsync(erased, Regie, "bewaartermijn verstreken");

        Assert.Equal(ErasureOutcomeKind.Erased, outcome.Kind);
        Assert.Equal(("intake", 1, 1), (outcome.Records!.DefinitionId, outcome.Records.Tasks, outcome.Records.DefinitionVersion));
        Assert.True(outcome.Records.TaskHistory >= 3, $"task history erased: {outcome.Records.TaskHistory}"); // opened, reminded, completed
        Assert.True(outcome.Records.JournalEntries >= 4, $"journal erased: {outcome.Records.JournalEntries}");
        Assert.Equal(new Counts(0, 0, 0, 0, 0, 0, 0), await CountsAsync(h, erased));
        Assert.Equal(before, await CountsAsync(h, kept));
        Assert.Equal(ErasureOutcomeKind.NotFound, (await h.Services.GetRequiredService<InstanceErasure>().EraseAsync(erased, Regie, "bewaartermijn verstreken")).Kind);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task A_running_klantreis_is_not_erased_until_it_is_cancelled(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(SampleFlows.Intake("intake"));
        var id = await h.StartAsync("intake", correlationKey: "kr-loopt");
        var before = await CountsAsync(h, id);
        var erasure = h.Services.GetRequiredService<InstanceErasure>();

        var refused = await erasure.EraseAsync(id, Regie, "bewaartermijn verstreken");
        var unchanged = await CountsAsync(h, id);
        await h.Runner.CancelAsync(id, "verhuisd buiten Nederland");
        // An event for the key after the end is kept for a klantreis that may still come; this one has ended.
        await h.Runner.DeliverEventByCorrelationAsync("kr-loopt", "DuoKennisgeving", WorkflowHarness.ToJson(new { naam = "A. Haddad" }));
        var keptForKey = await h.QueryAsync(db => db.PendingEvents.CountAsync(p => p.InstanceId == null && p.CorrelationKey == "kr-loopt"));
        var outcome = await erasure.EraseAsync(id, Regie, "bewaartermijn verstreken");

        Assert.Equal((ErasureOutcomeKind.NotFinished, InstanceStatus.Running), (refused.Kind, refused.Status));
        Assert.Equal(before, unchanged);
        Assert.Equal(ErasureOutcomeKind.Erased, outcome.Kind);
        Assert.Equal(new Counts(0, 0, 0, 0, 0, 0, 0), await CountsAsync(h, id));
        Assert.Equal(1, keptForKey);
        Assert.Equal(0, await h.QueryAsync(db => db.PendingEvents.CountAsync(p => p.CorrelationKey == "kr-loopt")));
    }

    [Fact]
    public async Task Events_kept_under_a_key_stay_while_another_klantreis_has_that_key()
    {
        await using var h = await WorkflowHarness.CreateAsync();
        await h.PublishAsync(SampleFlows.Intake("intake"));
        var first = await h.StartAsync("intake", correlationKey: "kr-zelfde");
        var second = await h.StartAsync("intake", correlationKey: "kr-zelfde");
        await h.Runner.CancelAsync(first, "dubbel ingeschreven");
        await h.Runner.CancelAsync(second, "verhuisd");
        await h.Runner.DeliverEventByCorrelationAsync("kr-zelfde", "DuoKennisgeving", null);
        var erasure = h.Services.GetRequiredService<InstanceErasure>();
        Task<int> Kept() => h.QueryAsync(db => db.PendingEvents.CountAsync(p => p.InstanceId == null && p.CorrelationKey == "kr-zelfde"));

        await erasure.EraseAsync(first, Regie, "bewaartermijn verstreken");
        var afterFirst = await Kept();
        await erasure.EraseAsync(second, Regie, "bewaartermijn verstreken");

        Assert.Equal(1, afterFirst);
        Assert.Equal(0, await Kept());
    }

    [Fact]
    public async Task The_indicators_of_past_months_are_read_again_after_an_erasure()
    {
        await using var h = await WorkflowHarness.CreateAsync();
        await h.PublishAsync(SampleFlows.Intake("intake"));
        var id = await h.StartAsync("intake");
        await h.CompleteAsync((await h.TaskOfAsync(id)).Id, "Afgerond", new { leerroute = "B1", pipDatum = "2026-03-02" });
        await h.AdvanceAsync(TimeSpan.FromDays(70)); // March is settled and kept in memory
        var kpis = h.Services.GetRequiredService<KlantreisKpis>();
        await h.QueryAsync(async db =>
        {
            // Let the completed task count as an intake fine for the indicators.
            await db.Tasks.Where(t => t.InstanceId == id).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.TaskType, KlantreisKpis.IntakeFineType).SetProperty(t => t.Outcome, "Verzonden"));
            return 0;
        });
        var period = (new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1));
        var counted = await kpis.ComputeAsync(period.Item1, period.Item2);

        await h.Services.GetRequiredService<InstanceErasure>().EraseAsync(id, Regie, "bewaartermijn verstreken");
        var after = await kpis.ComputeAsync(period.Item1, period.Item2);

        Assert.Equal(1, counted.Fines);
        Assert.Equal(0, after.Fines);
    }

    private sealed record Counts(int Instances, int Journal, int Waits, int Timers, int Tasks, int TaskHistory, int PendingEvents);

    private static Task<Counts> CountsAsync(WorkflowHarness h, Guid id) => h.QueryAsync(async db => new Counts(
        await db.Instances.CountAsync(i => i.Id == id),
        await db.Journal.CountAsync(j => j.InstanceId == id),
        await db.Waits.CountAsync(w => w.InstanceId == id),
        await db.Timers.CountAsync(t => t.InstanceId == id),
        await db.Tasks.CountAsync(t => t.InstanceId == id),
        await db.TaskAudit.CountAsync(a => db.Tasks.Any(t => t.Id == a.TaskId && t.InstanceId == id)),
        await db.PendingEvents.CountAsync(p => p.InstanceId == id)));
}

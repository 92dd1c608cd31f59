using Inburgering.Activities.Tests.Tasks;
using Inburgering.Testing;
using Inburgering.Workflows.Audit;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Activities.Tests.Retention;

/// <summary>An End with <c>erase</c> ends the klantreis and has it erased by the retention sweep; a plain end does not.</summary>
public sealed class RetentionSweepTests
{
    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task An_erasing_end_is_committed_with_the_end_and_the_sweep_erases_only_that_klantreis(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(Flow("bewaren", erase: true));
        await h.PublishAsync(Flow("houden", erase: false));
        var erased = await h.StartAsync("bewaren", correlationKey: "kr-weg");
        var kept = await h.StartAsync("houden", correlationKey: "kr-blijft");
        await h.CompleteAsync((await h.TaskOfAsync(erased)).Id, "Afgerond", new { leerroute = "B1", pipDatum = "2026-03-02" });
        await h.CompleteAsync((await h.TaskOfAsync(kept)).Id, "Afgerond", new { leerroute = "B1", pipDatum = "2026-03-02" });

        var requested = await h.QueryAsync(db => db.Instances.AsNoTracking().SingleAsync(i => i.Id == erased));
        var plain = await h.QueryAsync(db => db.Instances.AsNoTracking().SingleAsync(i => i.Id == kept));
        var view = await h.GetAsync(erased);
        var count = await h.Services.GetRequiredService<RetentionSweep>().EraseRequestedAsync();
        var again = await h.Services.GetRequiredService<RetentionSweep>().EraseRequestedAsync();

        Assert.Equal((InstanceStatus.Completed, h.Time.GetUtcNow().UtcDateTime), (requested.Status, requested.EraseRequestedAtUtc));
        Assert.Contains(view.Journal, e => e.Message?.Contains("de gegevens worden gewist", StringComparison.Ordinal) == true);
        Assert.Null(plain.EraseRequestedAtUtc);
        Assert.Equal((1, 0), (count, again));
        Assert.Equal(0, await h.QueryAsync(db => db.Instances.CountAsync(i => i.Id == erased)));
        Assert.Equal(0, await h.QueryAsync(db => db.Tasks.CountAsync(t => t.InstanceId == erased)));
        Assert.Equal(1, await h.QueryAsync(db => db.Instances.CountAsync(i => i.Id == kept)));
        var (audit, _) = await h.Services.GetRequiredService<AuditLog>().ListAsync(new AuditFilter(Action: "klantreis.gewist", Subject: erased.ToString()));
        Assert.Equal("werkstroom", Assert.Single(audit).Actor);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task Processed_message_ids_are_forgotten_after_their_window_and_kept_within_it(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(SampleFlows.Intake("intake"));
        var old = await h.StartAsync("intake");
        await h.CompleteAsync((await h.TaskOfAsync(old)).Id, "Afgerond", new { leerroute = "B1", pipDatum = "2026-03-02" }, messageId: "bericht-oud");
        await h.AdvanceAsync(TimeSpan.FromDays(60));
        var recent = await h.StartAsync("intake");
        await h.CompleteAsync((await h.TaskOfAsync(recent)).Id, "Afgerond", new { leerroute = "Z", pipDatum = "2026-05-01" }, messageId: "bericht-nieuw");
        await h.AdvanceAsync(TimeSpan.FromDays(31)); // the first is 91 days old, the second 31: the default window is 90 days
        var sweep = h.Services.GetRequiredService<RetentionSweep>();

        var pruned = await sweep.PruneProcessedMessagesAsync();
        var left = await h.QueryAsync(db => db.ProcessedMessages.Select(m => m.MessageId).ToListAsync());
        // Within the window a redelivery still has no effect: the same answer, nothing completed twice.
        var repeated = await h.CompleteAsync((await h.TaskOfAsync(recent)).Id, "Afgerond", new { leerroute = "Z", pipDatum = "2026-05-01" }, messageId: "bericht-nieuw");

        Assert.Equal(1, pruned);
        Assert.Equal(["bericht-nieuw"], left);
        Assert.Equal(1, await h.QueryAsync(db => db.TaskAudit.CountAsync(a => a.Action == Inburgering.Workflows.Tasks.TaskAuditAction.Completed && db.Tasks.Any(t => t.Id == a.TaskId && t.InstanceId == recent))));
        Assert.Equal(Inburgering.Workflows.Tasks.TaskCompletionKind.AlreadyCompleted, repeated.Kind);
    }

    /// <summary>The intake task of <see cref="SampleFlows.Intake"/>, whose Afgerond end erases or not.</summary>
    private static string Flow(string id, bool erase)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(SampleFlows.Intake(id))!;
        foreach (var activity in json["activities"]!.AsArray())
        {
            if (activity!["key"]!.GetValue<string>() == "klaar")
            {
                activity["inputs"] = new System.Text.Json.Nodes.JsonObject { ["erase"] = erase };
            }
        }
        return json.ToJsonString();
    }
}

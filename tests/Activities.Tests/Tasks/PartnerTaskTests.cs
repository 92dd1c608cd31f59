using System.Text.Json.Nodes;
using Inburgering.Testing;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Activities.Tests.Tasks;

/// <summary>The PartnerTask activity end to end in the engine: open, complete, idempotency, form errors, organisations.</summary>
public sealed class PartnerTaskTests
{
    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task Opening_a_task_writes_the_task_its_audit_and_TaskAssigned_in_the_same_burst(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(SampleFlows.Intake("intake"));

        var id = await h.StartAsync("intake", new { bsn = SampleFlows.PlantedBsn, naam = "A. Yilmaz" }, correlationKey: "kr-1001");

        var task = await h.TaskOfAsync(id);
        var wait = Assert.Single((await h.GetAsync(id)).Waits);
        var outbox = Assert.Single(await h.OutboxAsync(id));
        Assert.Equal((wait.Id, "Task"), (task.Id, wait.Kind));
        Assert.Equal(("brede-intake", "isd-bollenstreek", "kr-1001", PartnerTaskStatus.Open), (task.TaskType, task.Organisation, task.KlantreisId, task.Status));
        Assert.Equal(wait.DueAtUtc, task.DueAtUtc);
        Assert.Equal(TaskAuditAction.Opened, Assert.Single(await h.AuditAsync(task.Id)).Action);
        Assert.Equal("TaskAssigned", outbox.MessageType);
        var payload = JsonNode.Parse(outbox.PayloadJson)!.AsObject();
        Assert.Equal(["dueAt", "klantreisId", "organisation", "taskId", "taskType"], payload.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(task.Id, payload["taskId"]!.GetValue<Guid>());
        Assert.Null(outbox.DispatchedAtUtc);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task Completing_puts_the_fields_into_variables_and_leaves_by_the_chosen_outcome(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(SampleFlows.Intake("intake"));
        var afgerond = await h.StartAsync("intake");
        var weg = await h.StartAsync("intake");

        var done = await h.CompleteAsync((await h.TaskOfAsync(afgerond)).Id, "Afgerond",
            new { leerroute = "B1", pipDatum = "2026-04-20", uren = "12.5", tolk = "ja", toelichting = " Met tolk Arabisch. " });
        var absent = await h.CompleteAsync((await h.TaskOfAsync(weg)).Id, "NietVerschenen", new { });

        var view = await h.GetAsync(afgerond);
        var task = await h.TaskOfAsync(afgerond);
        Assert.Equal(TaskCompletionKind.Completed, done.Kind);
        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Contains(view.Journal, j => j.ActivityKey == "klaar");
        Assert.Equal("B1", view.Variables["leerroute"]!.GetValue<string>());
        var intake = view.Variables["intake"]!.AsObject(); // jsonb does not keep key order
        Assert.Equal(("B1", "2026-04-20", 12.5m, true, "Met tolk Arabisch."), (intake["leerroute"]!.GetValue<string>(), intake["pipDatum"]!.GetValue<string>(),
            intake["uren"]!.GetValue<decimal>(), intake["tolk"]!.GetValue<bool>(), intake["toelichting"]!.GetValue<string>()));
        Assert.Equal((PartnerTaskStatus.Completed, "Afgerond", "m.jansen"), (task.Status, task.Outcome, task.CompletedBy));
        Assert.Equal(["TaskAssigned", "TaskCompleted"], (await h.OutboxAsync(afgerond)).Select(o => o.MessageType));
        Assert.Equal([TaskAuditAction.Opened, TaskAuditAction.Completed], (await h.AuditAsync(task.Id)).Select(a => a.Action));
        Assert.Equal(TaskCompletionKind.Completed, absent.Kind);
        Assert.Contains((await h.GetAsync(weg)).Journal, j => j.ActivityKey == "niet-verschenen");
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task A_task_completed_twice_keeps_its_first_result_and_a_repeated_message_has_one_effect(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(SampleFlows.Intake("intake"));
        var id = await h.StartAsync("intake");
        var taskId = (await h.TaskOfAsync(id)).Id;

        var first = await h.CompleteAsync(taskId, "Afgerond", new { leerroute = "Z", pipDatum = "2026-04-20" }, messageId: "msg-1");
        var sameMessage = await h.CompleteAsync(taskId, "Afgerond", new { leerroute = "Z", pipDatum = "2026-04-20" }, messageId: "msg-1");
        var otherAnswer = await h.CompleteAsync(taskId, "NietVerschenen", new { }, messageId: "msg-2");

        Assert.Equal(TaskCompletionKind.Completed, first.Kind);
        Assert.Equal(TaskCompletionKind.AlreadyCompleted, sameMessage.Kind);
        Assert.Equal((TaskCompletionKind.AlreadyCompleted, "Afgerond"), (otherAnswer.Kind, otherAnswer.Task!.Outcome));
        var view = await h.GetAsync(id);
        Assert.Equal(1, view.Count(JournalKind.ActivityResumed, "intake"));
        Assert.Equal("Z", view.Variables["leerroute"]!.GetValue<string>());
        Assert.Single(await h.AuditAsync(taskId), a => a.Action == TaskAuditAction.Completed);
        Assert.Single(await h.OutboxAsync(id), o => o.MessageType == "TaskCompleted");
        Assert.Equal(1, await h.QueryAsync(db => db.ProcessedMessages.CountAsync()));
    }

    [Fact]
    public async Task Concurrent_completions_of_one_task_have_one_effect()
    {
        await using var h = await WorkflowHarness.CreateAsync(HarnessDatabase.Postgres);
        await h.PublishAsync(SampleFlows.Intake("intake"));
        var id = await h.StartAsync("intake");
        var taskId = (await h.TaskOfAsync(id)).Id;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            h.CompleteAsync(taskId, i % 2 == 0 ? "Afgerond" : "NietVerschenen", new { leerroute = "B1", pipDatum = "2026-04-20" }, messageId: $"m-{i % 3}")));

        Assert.Single(results, r => r.Kind == TaskCompletionKind.Completed);
        Assert.All(results.Where(r => r.Kind != TaskCompletionKind.Completed), r => Assert.Equal(TaskCompletionKind.AlreadyCompleted, r.Kind));
        Assert.Equal(1, (await h.GetAsync(id)).Count(JournalKind.ActivityResumed, "intake"));
        Assert.Single(await h.OutboxAsync(id), o => o.MessageType == "TaskCompleted");
    }

    [Fact]
    public async Task An_outcome_that_fails_the_form_is_refused_field_by_field_and_changes_nothing()
    {
        await using var h = await WorkflowHarness.CreateAsync();
        await h.PublishAsync(SampleFlows.Intake("intake"));
        var id = await h.StartAsync("intake");
        var taskId = (await h.TaskOfAsync(id)).Id;

        var wrong = await h.CompleteAsync(taskId, "Afgerond", new { leerroute = "C1", uren = "veel", tolk = "misschien", onbekend = "x" });
        var noOutcome = await h.CompleteAsync(taskId, null, new { });
        var unknownOutcome = await h.CompleteAsync(taskId, "Verhuisd", new { });

        Assert.Equal(TaskCompletionKind.Invalid, wrong.Kind);
        Assert.Equal(["fields.leerroute", "fields.onbekend", "fields.pipDatum", "fields.tolk", "fields.uren"], wrong.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("B1, Z, onderwijs", wrong.Errors["fields.leerroute"][0], StringComparison.Ordinal);
        Assert.Equal("'Datum PIP' is verplicht.", wrong.Errors["fields.pipDatum"][0]);
        Assert.Equal(["outcome"], noOutcome.Errors!.Keys);
        Assert.Equal(["outcome"], unknownOutcome.Errors!.Keys);
        Assert.Equal(PartnerTaskStatus.Open, (await h.TaskOfAsync(id)).Status);
        Assert.Equal(InstanceStatus.Running, (await h.GetAsync(id)).Status);
    }

    [Fact]
    public async Task Another_organisation_cannot_see_or_complete_the_task_and_the_gemeente_can()
    {
        await using var h = await WorkflowHarness.CreateAsync();
        await h.PublishAsync(SampleFlows.Intake("intake"));
        var id = await h.StartAsync("intake", new { bsn = SampleFlows.PlantedBsn, naam = "A. Yilmaz" });
        var taskId = (await h.TaskOfAsync(id)).Id;
        var queries = h.Services.GetService(typeof(TaskQueries)) as TaskQueries;

        var byOther = await h.CompleteAsync(taskId, "Afgerond", new { leerroute = "B1", pipDatum = "2026-04-20" }, organisation: "vluchtelingenwerk");
        var otherView = await queries!.GetAsync(taskId, TaskActor.Partner("x", "vluchtelingenwerk"));
        var (otherList, otherTotal) = await queries.ListAsync(TaskActor.Partner("x", "vluchtelingenwerk"), new TaskFilter());
        var ownView = await queries.GetAsync(taskId, TaskActor.Partner("y", "isd-bollenstreek"));
        var byGemeente = await h.Runner.CompleteTaskAsync(new CompleteTaskCommand(taskId, TaskActor.Gemeente("regie.noordwijk"), "NietVerschenen", new Dictionary<string, JsonNode?>()));

        Assert.Equal(TaskCompletionKind.NotFound, byOther.Kind);
        Assert.Null(otherView);
        Assert.Equal(0, otherTotal);
        Assert.Empty(otherList);
        Assert.Equal("""{"naam":"A. Yilmaz"}""", ownView!.SharedData.ToJsonString()); // never the bsn
        Assert.Equal(TaskCompletionKind.Completed, byGemeente.Kind);
        Assert.Equal("regie.noordwijk", (await h.TaskOfAsync(id)).CompletedBy);
    }

    [Fact]
    public async Task Cancelling_the_klantreis_cancels_the_task_and_tells_the_partner()
    {
        await using var h = await WorkflowHarness.CreateAsync();
        await h.PublishAsync(SampleFlows.Intake("intake", reminders: ["P5WD"]));
        var id = await h.StartAsync("intake");

        await h.Runner.CancelAsync(id, "Verhuisd naar een andere gemeente.");
        var late = await h.CompleteAsync((await h.TaskOfAsync(id)).Id, "Afgerond", new { leerroute = "B1", pipDatum = "2026-04-20" });

        var task = await h.TaskOfAsync(id);
        Assert.Equal(PartnerTaskStatus.Cancelled, task.Status);
        Assert.Equal(["TaskAssigned", "TaskCancelled"], (await h.OutboxAsync(id)).Select(o => o.MessageType));
        Assert.Equal(TaskCompletionKind.Closed, late.Kind);
        Assert.Equal(0, await h.QueryAsync(db => db.Timers.CountAsync()));
    }
}

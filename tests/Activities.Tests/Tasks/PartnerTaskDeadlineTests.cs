using System.Text.Json.Nodes;
using Inburgering.Testing;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Activities.Tests.Tasks;

/// <summary>A task's term in fake time: reminder, overdue escalation to partner and regie, or expiry.</summary>
public sealed class PartnerTaskDeadlineTests
{
    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task A_task_is_reminded_before_its_term_and_escalated_after_it_until_completed(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(SampleFlows.Intake("intake", reminders: ["P5WD"], escalateEvery: "P5WD"));
        var id = await h.StartAsync("intake"); // Monday 2 March 2026; term 10 weeks → Monday 11 May 2026

        await h.AdvanceAsync(TimeSpan.FromDays(63)); // Monday 4 May: the reminder (5 werkdagen before 11 May) has gone out
        var reminded = await h.OutboxAsync(id);
        // Friday 22 May: overdue since 12 May and escalated again 5 werkdagen later, on 20 May (Hemelvaartsdag 14 May and
        // the Friday after it are no werkdagen).
        await h.AdvanceAsync(TimeSpan.FromDays(18));
        var overdue = await h.TaskOfAsync(id);
        var messages = await h.OutboxAsync(id);
        await h.CompleteAsync(overdue.Id, "Afgerond", new { leerroute = "B1", pipDatum = "2026-05-22" });
        var fired = await h.AdvanceAsync(TimeSpan.FromDays(30));

        Assert.Equal(["TaskAssigned", "TaskReminder"], reminded.Select(o => o.MessageType));
        Assert.Equal("P5WD", JsonNode.Parse(reminded[1].PayloadJson)!["lead"]!.GetValue<string>());
        Assert.Equal(["TaskAssigned", "TaskReminder", "TaskOverdue", "TaskOverdue"], messages.Select(o => o.MessageType));
        Assert.Equal([1, 2], messages.Skip(2).Select(o => JsonNode.Parse(o.PayloadJson)!["escalationNumber"]!.GetValue<int>()));
        Assert.Equal((PartnerTaskStatus.Open, 2), (overdue.Status, overdue.Escalations));
        Assert.Equal([TaskAuditAction.Opened, TaskAuditAction.Reminded, TaskAuditAction.Overdue, TaskAuditAction.Overdue, TaskAuditAction.Completed],
            (await h.AuditAsync(overdue.Id)).Select(a => a.Action));
        Assert.Equal(0, fired); // completing cancelled the next escalation
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task The_inbox_lists_the_reminders_and_escalations_of_its_own_organisation_newest_first(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(SampleFlows.Intake("intake", reminders: ["P5WD"], escalateEvery: "P5WD"));
        var id = await h.StartAsync("intake");
        await h.AdvanceAsync(TimeSpan.FromDays(81)); // reminder 4 May, overdue 12 May, escalated again 20 May (as above)
        var task = await h.TaskOfAsync(id);
        var queries = h.Services.GetRequiredService<TaskQueries>();

        var isd = await queries.RecentSignalsAsync(new TaskActor("isd", "isd-bollenstreek"));
        var regie = await queries.RecentSignalsAsync(new TaskActor("regie", null, AllOrganisations: true));
        var other = await queries.RecentSignalsAsync(new TaskActor("vwn", "vluchtelingenwerk"));

        Assert.Equal([TaskAuditAction.Overdue, TaskAuditAction.Overdue, TaskAuditAction.Reminded], isd.Select(s => s.Action));
        Assert.All(isd, s => Assert.Equal((task.Id, task.Title, task.DueAtUtc), (s.TaskId, s.Title, s.DueAtUtc)));
        Assert.True(isd[0].AtUtc > isd[1].AtUtc && isd[1].AtUtc > isd[2].AtUtc);
        Assert.Equal(isd.Select(s => (s.TaskId, s.Action, s.AtUtc)), regie.Select(s => (s.TaskId, s.Action, s.AtUtc)));
        Assert.Empty(other);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task A_task_set_to_expire_expires_at_its_term_and_the_path_goes_on_by_Verlopen(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(SampleFlows.Intake("intake", expire: true));
        var id = await h.StartAsync("intake");

        await h.AdvanceAsync(TimeSpan.FromDays(71)); // past Monday 11 May 2026, end of day
        var late = await h.CompleteAsync((await h.TaskOfAsync(id)).Id, "Afgerond", new { leerroute = "B1", pipDatum = "2026-05-12" });

        var view = await h.GetAsync(id);
        var task = await h.TaskOfAsync(id);
        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Contains(view.Journal, j => j.ActivityKey == "verlopen");
        Assert.Equal(PartnerTaskStatus.Expired, task.Status);
        Assert.Equal(["TaskAssigned", "TaskExpired"], (await h.OutboxAsync(id)).Select(o => o.MessageType));
        Assert.Equal(TaskCompletionKind.Closed, late.Kind);
    }
}

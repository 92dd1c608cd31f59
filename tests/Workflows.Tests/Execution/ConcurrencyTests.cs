using Inburgering.Testing;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Instances;

namespace Inburgering.Workflows.Tests.Execution;

/// <summary>Many parallel resumes of one instance race; the committed journal shows every step exactly once.</summary>
public sealed class ConcurrencyTests
{

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task Parallel_events_and_duplicates_resume_each_wait_exactly_once(HarnessDatabase database)
    {
        const int branches = 8;
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(Flows.ForkJoin("race", branches));
        var id = await h.StartAsync("race");

        // Every event three times, all at once.
        var deliveries = Enumerable.Range(1, branches).SelectMany(i => Enumerable.Repeat($"e{i}", 3))
            .Select(name => Task.Run(() => h.DeliverAsync(id, name)));
        await Task.WhenAll(deliveries);

        var view = await h.GetAsync(id);
        Assert.Equal(InstanceStatus.Completed, view.Status);
        for (var i = 1; i <= branches; i++)
        {
            Assert.Equal(1, view.Count(JournalKind.ActivityResumed, $"wacht-b{i}"));
        }
        Assert.Equal(branches, view.Count(JournalKind.ActivityCompleted, "samen"));
        Assert.Equal(1, view.Count(JournalKind.ActivityCompleted, "einde"));
        Assert.Equal(1, view.Count(JournalKind.InstanceCompleted));
        Assert.Equal(branches, view.Variables["ontvangen"]!.GetValue<double>());
        Assert.Equal(Enumerable.Range(1, view.Journal.Count), view.Journal.Select(j => j.Sequence));
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task Resuming_one_wait_from_many_threads_applies_once(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(Flows.ForkJoin("een-wacht", 1));
        var id = await h.StartAsync("een-wacht");
        var waitId = (await h.GetAsync(id)).Waits.Single().Id;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => h.Runner.ResumeWaitAsync(waitId, null))));

        Assert.Single(outcomes, o => o.Kind == BurstOutcomeKind.Applied);
        var view = await h.GetAsync(id);
        Assert.Equal(1, view.Count(JournalKind.ActivityResumed));
        Assert.Equal(InstanceStatus.Completed, view.Status);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task An_event_sent_while_its_instance_is_starting_is_never_lost(HarnessDatabase database)
    {
        // Start and event for the same key at the same moment: the delivery may find no instance yet (and keep the event
        // for the key) after the start already looked for kept events. Whichever way each pair interleaves, every
        // instance must get its event.
        const int pairs = 60;
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(Flows.ForkJoin("start-race", 1));
        var keys = Enumerable.Range(1, pairs).Select(i => $"kr-race-{i}").ToList();

        await Task.WhenAll(keys.SelectMany(key => new Task[]
        {
            Task.Run(() => h.StartAsync("start-race", correlationKey: key)),
            Task.Run(() => h.Runner.DeliverEventByCorrelationAsync(key, "e1", null)),
        }));

        var statuses = await h.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Instances.Select(i => i.Status)));
        var kept = await h.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.PendingEvents));
        Assert.Equal(pairs, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(InstanceStatus.Completed, s));
        Assert.Equal(0, kept);
    }
}

using Inburgering.Testing;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Workflows.Tests.Timers;

/// <summary>Timers, deadlines, reminders and escalation in fake time, on both databases.</summary>
public sealed class TimerTests
{

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task A_delay_fires_at_its_time_and_not_before(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(SampleFlows.Delay("twee-uur", "PT2H"));
        var id = await h.StartAsync("twee-uur");

        await h.AdvanceAsync(TimeSpan.FromMinutes(119));
        var before = await h.GetAsync(id);
        await h.AdvanceAsync(TimeSpan.FromMinutes(1));
        var after = await h.GetAsync(id);

        Assert.Equal(InstanceStatus.Running, before.Status);
        Assert.Equal(InstanceStatus.Completed, after.Status);
        Assert.Equal(h.Time.GetUtcNow().UtcDateTime, after.Journal.Single(j => j.Kind == JournalKind.TimerFired).AtUtc);
    }

    [Fact]
    public async Task A_delay_in_werkdagen_skips_Goede_Vrijdag_the_weekend_and_Paasmaandag()
    {
        await using var h = await WorkflowHarness.CreateAsync();
        await h.PublishAsync(SampleFlows.Delay("werkdagen", "P2WD"));
        h.Time.SetUtcNow(new DateTimeOffset(2026, 4, 2, 8, 0, 0, TimeSpan.Zero)); // Thursday 2 April 2026, 10:00 CEST

        var view = await h.GetAsync(await h.StartAsync("werkdagen"));

        // Fri 3 Apr Goede Vrijdag, 4–5 weekend, Mon 6 Apr tweede Paasdag: werkdag 1 = Tue 7 Apr, werkdag 2 = Wed 8 Apr, 10:00 CEST.
        Assert.Equal(new DateTime(2026, 4, 8, 8, 0, 0, DateTimeKind.Utc), view.Waits.Single().DueAtUtc);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task A_statutory_deadline_reminds_before_escalates_after_and_explains_itself(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(SampleFlows.Pip("pip-termijn", ["P5WD", "P1WD"], "P5WD"));
        var id = await h.StartAsync("pip-termijn", new { kennisgevingDatum = "2026-03-02" });

        var waiting = await h.GetAsync(id);
        var deadline = DeadlineRecord.Parse(waiting.Waits.Single().DeadlineJson)!;
        // 2 March + 10 weeks = Monday 11 May 2026, a working day: the Atw moves nothing. Due at 23:59:59.999 CEST.
        Assert.Equal((new DateOnly(2026, 5, 11), new DateOnly(2026, 5, 11)), (deadline.RawEnd, deadline.Final));
        Assert.Equal("Besluit inburgering 2021 art. 5.3 lid 1", deadline.Source);
        Assert.Equal(new DateTime(2026, 5, 11, 21, 59, 59, 999, DateTimeKind.Utc), waiting.Waits.Single().DueAtUtc!.Value.AddTicks(-(waiting.Waits.Single().DueAtUtc!.Value.Ticks % TimeSpan.TicksPerMillisecond)));

        await h.AdvanceAsync(TimeSpan.FromDays(80)); // to 21 May 2026
        var view = await h.GetAsync(id);
        var deadlineEvents = view.Journal.Where(j => j.Kind is JournalKind.DeadlineReminder or JournalKind.DeadlineExpired or JournalKind.DeadlineEscalated).ToList();

        // 5 werkdagen before Mon 11 May: Fri 8, Thu 7, Wed 6 May; Tue 5 May is bevrijdingsdag and Mon 4 May the bridging day
        // equated with it (5 May on a Tuesday); then Fri 1 and Thu 30 April → Thu 30 April 08:00 CEST. 1 werkdag → Fri 8 May.
        // Expired at the end of 11 May; again 5 werkdagen later: Tue 12, Wed 13, (Thu 14 Hemelvaartsdag, Fri 15 the Friday
        // after it), Mon 18, Tue 19, Wed 20 May, at the same time of day.
        Assert.Equal(
            [
                (JournalKind.DeadlineReminder, new DateTime(2026, 4, 30, 6, 0, 0, DateTimeKind.Utc)),
                (JournalKind.DeadlineReminder, new DateTime(2026, 5, 8, 6, 0, 0, DateTimeKind.Utc)),
                (JournalKind.DeadlineExpired, new DateTime(2026, 5, 11, 21, 59, 59, DateTimeKind.Utc)),
                (JournalKind.DeadlineEscalated, new DateTime(2026, 5, 20, 21, 59, 59, DateTimeKind.Utc)),
            ],
            deadlineEvents.Select(j => (j.Kind, TruncateToSecond(j.AtUtc))));
        Assert.Equal(InstanceStatus.Running, view.Status);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task Ending_the_wait_cancels_its_reminders_and_escalations(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(SampleFlows.Pip("pip-op-tijd", ["P5WD", "P1WD"], "P5WD"));
        var id = await h.StartAsync("pip-op-tijd", new { kennisgevingDatum = "2026-03-02" });
        Assert.Equal(3, await TimerCountAsync(h, id));

        await h.AdvanceAsync(TimeSpan.FromDays(30));
        await h.DeliverAsync(id, "PipVastgesteld");
        var fired = await h.AdvanceAsync(TimeSpan.FromDays(120));

        var view = await h.GetAsync(id);
        Assert.Equal(0, await TimerCountAsync(h, id));
        Assert.Equal(0, fired);
        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.DoesNotContain(view.Journal, j => j.Kind is JournalKind.DeadlineReminder or JournalKind.DeadlineExpired);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task A_timer_fired_many_times_at_once_has_one_effect(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(SampleFlows.Delay("dubbel", "PT1M"));
        var id = await h.StartAsync("dubbel");
        Guid timerId;
        await using (var db = await h.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync())
        {
            timerId = (await db.Timers.SingleAsync()).Id;
        }
        h.Time.Advance(TimeSpan.FromMinutes(1));

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => h.Runner.FireTimerAsync(timerId))));
        await h.Timers.FireDueAsync();

        var view = await h.GetAsync(id);
        Assert.Equal(1, view.Count(JournalKind.TimerFired));
        Assert.Equal(1, view.Count(JournalKind.InstanceCompleted));
    }

    [Fact]
    public async Task Until_waits_for_a_computed_date_three_years_after_the_PIP()
    {
        await using var h = await WorkflowHarness.CreateAsync();
        await h.PublishAsync(new DefinitionBuilder("termijn")
            .Variable("pipDatum", "date")
            .Activity("start", "Start")
            .Activity("einde-termijn", "Until", new { date = new { expression = "datumPlus(variables.pipDatum, 'P3Y')" } })
            .Activity("einde", "End")
            .Connect("start", "Verder", "einde-termijn").Connect("einde-termijn", "Verder", "einde").ToJson());

        var id = await h.StartAsync("termijn", new { pipDatum = "2026-03-02" });
        var waiting = await h.GetAsync(id);
        await h.AdvanceAsync(TimeSpan.FromDays(3 * 366));

        // 2 March 2029 00:00 CET = 1 March 2029 23:00 UTC.
        Assert.Equal(new DateTime(2029, 3, 1, 23, 0, 0, DateTimeKind.Utc), waiting.Waits.Single().DueAtUtc);
        Assert.Equal(InstanceStatus.Completed, (await h.GetAsync(id)).Status);
    }

    [Fact]
    public async Task A_JavaScript_date_at_local_midnight_is_read_as_that_local_day()
    {
        await using var h = await WorkflowHarness.CreateAsync();
        await h.PublishAsync(new DefinitionBuilder("js-datum")
            .Activity("start", "Start")
            .Activity("tot", "Until", new { date = new { expression = "new Date(2029, 2, 2)" } })
            .Activity("einde", "End")
            .Connect("start", "Verder", "tot").Connect("tot", "Verder", "einde").ToJson());

        var view = await h.GetAsync(await h.StartAsync("js-datum"));

        // new Date(2029, 2, 2) is 2 March 2029 00:00 in Amsterdam = 1 March 23:00 UTC; the wait is for 2 March, not 1 March.
        Assert.Equal(new DateTime(2029, 3, 1, 23, 0, 0, DateTimeKind.Utc), view.Waits.Single().DueAtUtc);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task The_dispatcher_fires_a_storm_of_due_timers_each_once(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(SampleFlows.Delay("storm", "PT10M"));
        var ids = new List<Guid>();
        for (var i = 0; i < 300; i++)
        {
            ids.Add(await h.StartAsync("storm"));
        }
        h.Time.Advance(TimeSpan.FromMinutes(10));

        var fired = await h.Timers.FireDueAsync();

        await using var db = await h.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        Assert.Equal(300, fired);
        Assert.Equal(300, await db.Instances.CountAsync(i => i.Status == InstanceStatus.Completed));
        Assert.Equal(300, await db.Journal.CountAsync(j => j.Kind == JournalKind.TimerFired));
        Assert.Equal(0, await db.Timers.CountAsync());
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task Claimed_in_small_batches_that_overlap_each_instance_s_timers_fire_once_and_in_due_order(HarnessDatabase database)
    {
        // Batches of 2 and groups of 1 with 4 lanes: the dispatcher claims the next batch while earlier groups still fire,
        // so an instance's later timers (claimed in a later batch) must wait for its earlier ones.
        await using var h = await WorkflowHarness.CreateAsync(database, s => s.Configure<TimerOptions>(o => (o.BatchSize, o.GroupSize, o.Parallelism) = (2, 1, 4)));
        await h.PublishAsync(SampleFlows.Pip("pip-rij", ["P5WD", "P1WD"], "P5WD"));
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await h.StartAsync("pip-rij", new { kennisgevingDatum = "2026-03-02" }));
        }
        h.Time.SetUtcNow(new DateTimeOffset(2026, 5, 12, 10, 0, 0, TimeSpan.Zero)); // after both reminders and the deadline (11 May)

        var fired = await h.Timers.FireDueAsync();

        Assert.Equal(18, fired);
        foreach (var id in ids)
        {
            var events = (await h.GetAsync(id)).Journal.OrderBy(j => j.Sequence)
                .Where(j => j.Kind is JournalKind.DeadlineReminder or JournalKind.DeadlineExpired or JournalKind.DeadlineEscalated)
                .Select(j => (j.Kind, j.Message!.Split(' ')[1])).ToList();
            Assert.Equal([(JournalKind.DeadlineReminder, "(5"), (JournalKind.DeadlineReminder, "(1"), (JournalKind.DeadlineExpired, "verstreken:")], events);
        }
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task Timers_of_different_instances_fire_together_in_one_transaction(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(SampleFlows.Delay("samen", "PT5M"));
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await h.StartAsync("samen"));
        }
        h.Time.Advance(TimeSpan.FromMinutes(5));
        List<ClaimedTimer> group;
        await using (var db = await h.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync())
        {
            group = await db.Timers.Select(t => new ClaimedTimer(t.Id, t.InstanceId)).ToListAsync();
        }

        var together = await h.Runner.TryFireTogetherAsync(group, CancellationToken.None);

        Assert.True(together);
        foreach (var id in ids)
        {
            var view = await h.GetAsync(id);
            Assert.Equal((InstanceStatus.Completed, 1), (view.Status, view.Count(JournalKind.TimerFired)));
        }
    }

    private static async Task<int> TimerCountAsync(WorkflowHarness h, Guid instanceId)
    {
        if (h.MemoryStore is { } memory)
        {
            return memory.Timers(t => t.InstanceId == instanceId).Count;
        }
        await using var db = await h.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        return await db.Timers.CountAsync(t => t.InstanceId == instanceId);
    }

    private static DateTime TruncateToSecond(DateTime value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond));
}

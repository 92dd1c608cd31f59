using Inburgering.Testing;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Outbox;
using Inburgering.Workflows.Stores;
using Inburgering.Workflows.Stores.Ef;
using Inburgering.Workflows.Tests.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Workflows.Tests.Stores;

/// <summary>
/// Starts on PostgreSQL commit without EF Core (<see cref="NpgsqlStartSession"/>: one batch of inserts); what a plain batch
/// cannot do — claiming a kept event, outbox rows — still commits through EF. Either way the instance is whole.
/// </summary>
public sealed class StartUnitTests
{
    [Theory]
    [InlineData(HarnessDatabase.Postgres, nameof(NpgsqlStartSession))]
    [InlineData(HarnessDatabase.Sqlite, nameof(EfStoreSession))]
    public async Task A_start_is_built_in_the_store_s_start_unit_and_lands_whole(HarnessDatabase database, string unit)
    {
        var seen = new SessionRecorder();
        await using var h = await WorkflowHarness.CreateAsync(database, s => s.AddSingleton<IWaitObserver>(seen));
        await h.PublishAsync(Flows.ForkJoin("vork", 3));

        var id = await h.StartAsync("vork", correlationKey: "kr-77");

        Assert.Equal([unit], seen.Units.Distinct());
        if (database == HarnessDatabase.Postgres)
        {
            Assert.True(((NpgsqlStartSession)seen.Sessions.Keys.Single()).WroteBatch, "the start went through EF instead of one plain batch");
        }
        var view = await h.GetAsync(id);
        Assert.Equal((InstanceStatus.Running, 3), (view.Status, view.Waits.Count));
        Assert.Equal(Enumerable.Range(1, view.Journal.Count), view.Journal.Select(j => j.Sequence));
    }

    [Fact]
    public async Task On_PostgreSQL_a_start_with_a_correlation_key_is_one_round_trip_that_checks_and_looks_for_kept_events()
    {
        var seen = new SessionRecorder();
        await using var h = await WorkflowHarness.CreateAsync(HarnessDatabase.Postgres, s => s.AddSingleton<IWaitObserver>(seen));
        await h.PublishAsync(Flows.ForkJoin("vork", 3));

        var id = await h.StartAsync("vork", correlationKey: "kr-76");

        var unit = (NpgsqlStartSession)seen.Sessions.Keys.Single();
        Assert.True(unit.WroteBatch);
        Assert.Equal(1, unit.PlainRoundTrips); // no read of kept events before the bursts, none after the commit
        Assert.Equal(NpgsqlStartSession.GuardStatement, unit.BatchStatements[0]);
        Assert.Contains("workflow_pending_events", unit.BatchStatements[^1], StringComparison.Ordinal);
        Assert.Equal([], unit.KeptKeysFound!);
        Assert.Equal(3, (await h.GetAsync(id)).Waits.Count);
    }

    [Fact]
    public async Task Without_the_guard_function_starts_read_kept_events_first_and_still_take_them()
    {
        var seen = new SessionRecorder();
        await using var h = await WorkflowHarness.CreateAsync(HarnessDatabase.Postgres, s => s.AddSingleton<IWaitObserver>(seen));
        await h.PublishAsync(Flows.ForkJoin("vork", 2));
        await h.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DROP FUNCTION workflow_assert_nothing_kept(text[])"));
        Assert.Empty(await h.Runner.DeliverEventByCorrelationAsync("kr-81", "e1", null));

        var first = await h.StartAsync("vork", correlationKey: "kr-81");
        var second = await h.StartAsync("vork", correlationKey: "kr-82");

        Assert.Equal(1, h.Runner.StartGroupsRunAgain); // the first group found the function missing and ran again
        Assert.Equal(["wacht-b2"], (await h.GetAsync(first)).WaitingAt);
        var last = seen.Sessions.Keys.OfType<NpgsqlStartSession>().Single(u => u.WroteBatch);
        Assert.DoesNotContain(NpgsqlStartSession.GuardStatement, last.BatchStatements); // the second start read first
        Assert.Equal(2, last.PlainRoundTrips);
        Assert.Equal(["wacht-b1", "wacht-b2"], (await h.GetAsync(second)).WaitingAt);
    }

    [Fact]
    public async Task On_PostgreSQL_a_start_that_opens_a_partner_task_writes_its_outbox_row_in_the_same_batch()
    {
        var seen = new SessionRecorder();
        await using var h = await WorkflowHarness.CreateAsync(HarnessDatabase.Postgres, s => s.AddSingleton<IWaitObserver>(seen));
        await h.PublishAsync(SampleFlows.Intake("intake"));

        var id = await h.StartAsync("intake", correlationKey: "kr-80");

        var unit = (NpgsqlStartSession)seen.Sessions.Keys.Single();
        Assert.True(unit.WroteBatch, "the start went through EF instead of one plain batch");
        Assert.Equal(1, unit.PlainRoundTrips);
        var row = Assert.Single(await h.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.InstanceId == id).ToListAsync()));
        Assert.Equal(("TaskAssigned", "kr-80"), (row.MessageType, row.Subject));
        Assert.True(row.Sequence > 0);
    }

    [Fact]
    public async Task The_database_numbers_a_batch_s_outbox_rows_in_the_order_they_were_added()
    {
        await using var h = await WorkflowHarness.CreateAsync(HarnessDatabase.Postgres);
        var ids = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList(); // random: their order says nothing
        await using (var unit = await h.Services.GetRequiredService<IWorkflowStore>().OpenForStartsAsync())
        {
            foreach (var id in ids)
            {
                unit.Add(new OutboxMessage { Id = id, MessageType = "TaskAssigned", PayloadJson = "{}", CreatedAtUtc = h.Time.GetUtcNow().UtcDateTime });
            }
            await unit.CommitAsync();
            Assert.True(((NpgsqlStartSession)unit).WroteBatch);
        }

        var numbered = await h.QueryAsync(db => db.Outbox.AsNoTracking().OrderBy(o => o.Sequence).Select(o => o.Id).ToListAsync());

        Assert.Equal(ids, numbered);
    }

    [Fact]
    public async Task A_start_that_claims_a_kept_event_on_PostgreSQL_deletes_it_with_the_start()
    {
        var seen = new SessionRecorder();
        await using var h = await WorkflowHarness.CreateAsync(HarnessDatabase.Postgres, s => s.AddSingleton<IWaitObserver>(seen));
        await h.PublishAsync(Flows.ForkJoin("vork", 2));
        Assert.Empty(await h.Runner.DeliverEventByCorrelationAsync("kr-78", "e1", null)); // kept: no instance yet

        var id = await h.StartAsync("vork", correlationKey: "kr-78");

        // The group assumed nothing was kept; its guard failed the batch, so it committed nothing, and the group ran
        // again, reading the kept event first and taking it in the instance's first burst.
        Assert.Equal(1, h.Runner.StartGroupsRunAgain);
        Assert.Equal(2, seen.Sessions.Count);
        var view = await h.GetAsync(id);
        Assert.Equal(["wacht-b2"], view.WaitingAt);
        Assert.Equal(1, view.Count(JournalKind.EventReceived));
        Assert.Equal(0, await h.QueryAsync(db => Task.FromResult(db.PendingEvents.Count())));
        Assert.Equal(1, await h.QueryAsync(db => Task.FromResult(db.Instances.Count(i => i.CorrelationKey == "kr-78"))));
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task An_event_kept_while_a_start_runs_is_found_by_the_look_after_its_commit(HarnessDatabase database)
    {
        // The event arrives while the start's burst runs: its delivery finds no instance yet and keeps it for the key.
        // Only the start's look after its own commit can see it (on PostgreSQL inside the commit's round trip).
        var keepWhileStarting = new KeepEventWhileStarting("kr-79", "e9");
        await using var h = await WorkflowHarness.CreateAsync(database, s => s.AddSingleton<IWaitObserver>(keepWhileStarting));
        keepWhileStarting.Runner = h.Runner;
        await h.PublishAsync(SampleFlows.Delay("pauze", "P10D"));

        var id = await h.StartAsync("pauze", correlationKey: "kr-79");

        Assert.True(keepWhileStarting.Delivered);
        var view = await h.GetAsync(id);
        Assert.Equal(1, view.Count(JournalKind.EventQueued)); // taken from the key and kept for the instance
        var keptForInstance = database == HarnessDatabase.Memory
            ? h.MemoryStore!.PendingEvents(p => p.InstanceId == id).Count
            : await h.QueryAsync(db => Task.FromResult(db.PendingEvents.Count(p => p.InstanceId == id)));
        Assert.Equal(1, keptForInstance);
        if (database == HarnessDatabase.Postgres)
        {
            var unit = keepWhileStarting.Sessions.OfType<NpgsqlStartSession>().First();
            Assert.Equal(1, unit.PlainRoundTrips);
            Assert.Equal(["kr-79"], unit.KeptKeysFound!); // found by the look in the commit's own batch
        }
    }

    /// <summary>During the first wait a start opens, delivers an event by correlation key (once).</summary>
    private sealed class KeepEventWhileStarting(string key, string eventName) : IWaitObserver
    {
        public Inburgering.Workflows.Execution.WorkflowRunner? Runner { get; set; }

        public bool Delivered { get; private set; }

        public System.Collections.Concurrent.ConcurrentQueue<IStoreSession> Sessions { get; } = new();

        public async ValueTask OnWaitOpenedAsync(WaitOpenedArguments arguments)
        {
            Sessions.Enqueue(arguments.Session);
            if (!Delivered)
            {
                Delivered = true;
                Assert.Empty(await Runner!.DeliverEventByCorrelationAsync(key, eventName, null));
            }
        }

        public ValueTask OnWaitClosedAsync(WaitClosedArguments arguments) => ValueTask.CompletedTask;
    }

    private sealed class SessionRecorder : IWaitObserver
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Units { get; } = new();

        public System.Collections.Concurrent.ConcurrentDictionary<IStoreSession, bool> Sessions { get; } = new();

        public ValueTask OnWaitOpenedAsync(WaitOpenedArguments arguments)
        {
            Sessions[arguments.Session] = true;
            Units.Enqueue(arguments.Session.GetType().Name);
            return ValueTask.CompletedTask;
        }

        public ValueTask OnWaitClosedAsync(WaitClosedArguments arguments) => ValueTask.CompletedTask;
    }
}

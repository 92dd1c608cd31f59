using Inburgering.Testing;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Stores;
using Inburgering.Workflows.Stores.Ef;
using Inburgering.Workflows.Tests.Execution;
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
    public async Task A_start_that_claims_a_kept_event_on_PostgreSQL_deletes_it_with_the_start()
    {
        await using var h = await WorkflowHarness.CreateAsync(HarnessDatabase.Postgres);
        await h.PublishAsync(Flows.ForkJoin("vork", 2));
        Assert.Empty(await h.Runner.DeliverEventByCorrelationAsync("kr-78", "e1", null)); // kept: no instance yet

        var id = await h.StartAsync("vork", correlationKey: "kr-78");

        var view = await h.GetAsync(id);
        Assert.Equal(["wacht-b2"], view.WaitingAt);
        Assert.Equal(1, view.Count(JournalKind.EventReceived));
        Assert.Equal(0, await h.QueryAsync(db => Task.FromResult(db.PendingEvents.Count())));
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

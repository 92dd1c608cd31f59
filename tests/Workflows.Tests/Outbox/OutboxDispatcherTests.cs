using Inburgering.Contracts.Tasks;
using Inburgering.Testing;
using Inburgering.Workflows.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Workflows.Tests.Outbox;

/// <summary>The dispatcher against a real database: once per row, in order per instance, retried with back-off.</summary>
public sealed class OutboxDispatcherTests
{
    private static async Task<(WorkflowHarness H, RecordingTransport Transport)> CreateAsync(HarnessDatabase database)
    {
        var transport = new RecordingTransport();
        var h = await WorkflowHarness.CreateAsync(database, s =>
        {
            s.AddSingleton<IOutboxTransport>(transport);
            s.AddSingleton<OutboxDispatcher>();
        });
        await h.PublishAsync(SampleFlows.Intake("intake"));
        return (h, transport);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task Every_row_is_published_once_with_its_id_as_message_id_and_marked(HarnessDatabase database)
    {
        var (h, transport) = await CreateAsync(database);
        await using var _ = h;
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await h.StartAsync("intake", correlationKey: $"kr-{i}"));
        }
        var dispatcher = h.Services.GetRequiredService<OutboxDispatcher>();

        var first = await dispatcher.DispatchAsync();
        var second = await dispatcher.DispatchAsync();

        var rows = await h.QueryAsync(db => db.Outbox.AsNoTracking().ToListAsync());
        Assert.Equal((5, 0), (first, second));
        Assert.Equal(rows.Select(r => r.Id).Order(), transport.Published.Select(m => m.Id).Order());
        Assert.All(rows, r => Assert.NotNull(r.DispatchedAtUtc));
        var assigned = Assert.IsType<TaskAssigned>(transport.Published.First(m => m.Subject == "kr-3").Message);
        Assert.Equal(("kr-3", "isd-bollenstreek", "brede-intake"), (assigned.KlantreisId, assigned.Organisation, assigned.TaskType));
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task A_broker_that_is_down_loses_nothing_and_the_order_per_klantreis_holds(HarnessDatabase database)
    {
        var (h, transport) = await CreateAsync(database);
        await using var _ = h;
        var dispatcher = h.Services.GetRequiredService<OutboxDispatcher>();
        transport.Down = true;
        var id = await h.StartAsync("intake", correlationKey: "kr-9");
        await h.Runner.CancelAsync(id, "Verhuisd."); // TaskAssigned then TaskCancelled for the same klantreis

        var whileDown = await dispatcher.DispatchAsync();
        var failedRows = await h.QueryAsync(db => db.Outbox.AsNoTracking().OrderBy(o => o.Sequence).ToListAsync());
        transport.Down = false;
        var beforeBackOff = await dispatcher.DispatchAsync();
        h.Time.Advance(TimeSpan.FromSeconds(2));
        var after = await dispatcher.DispatchAsync();

        Assert.Equal((0, 0, 2), (whileDown, beforeBackOff, after));
        Assert.Equal(1, transport.Failures); // the second message was not tried while the first of its klantreis failed
        Assert.Equal([1, 0], failedRows.Select(r => r.Attempts));
        Assert.Contains("Broker unreachable", failedRows[0].LastError, StringComparison.Ordinal);
        Assert.Equal(["TaskAssigned", "TaskCancelled"], transport.Published.Select(m => m.MessageType.Name));
        Assert.Equal(0, await h.QueryAsync(db => db.Outbox.CountAsync(o => o.DispatchedAtUtc == null)));
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task Batches_overlap_yet_a_klantreis_keeps_its_order_when_its_first_message_is_slow(HarnessDatabase database)
    {
        var transport = new RecordingTransport();
        await using var h = await WorkflowHarness.CreateAsync(database, s =>
        {
            s.AddSingleton<IOutboxTransport>(transport);
            s.AddSingleton<OutboxDispatcher>();
            s.Configure<OutboxOptions>(o => o.BatchSize = 2);
        });
        await h.PublishAsync(SampleFlows.Intake("intake", reminders: ["P5WD"], escalateEvery: "P5WD"));
        var slow = await h.StartAsync("intake", correlationKey: "kr-traag");
        for (var i = 0; i < 4; i++)
        {
            await h.StartAsync("intake", correlationKey: $"kr-{i}");
        }
        await h.AdvanceAsync(TimeSpan.FromDays(80)); // every klantreis: reminder, overdue, a second overdue
        transport.ConfirmTime = m => m.Subject == "kr-traag" && m.MessageType == typeof(TaskAssigned) ? TimeSpan.FromMilliseconds(300) : TimeSpan.Zero;

        var published = await h.Services.GetRequiredService<OutboxDispatcher>().DispatchAsync();

        var rows = await h.QueryAsync(db => db.Outbox.AsNoTracking().OrderBy(o => o.Sequence).ToListAsync());
        Assert.Equal(rows.Count, published);
        Assert.Equal(20, published);
        Assert.NotEqual("kr-traag", transport.Published.First().Subject); // others went ahead while it waited for its confirm
        foreach (var klantreis in rows.GroupBy(r => r.Subject))
        {
            Assert.Equal(klantreis.Select(r => r.Id), transport.Published.Where(m => m.Subject == klantreis.Key).Select(m => m.Id));
        }
        Assert.Equal(slow, rows.First(r => r.Subject == "kr-traag").InstanceId);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task A_commit_that_writes_outbox_rows_wakes_the_dispatcher_and_one_without_does_not(HarnessDatabase database)
    {
        // On PostgreSQL a start's outbox row goes in its plain batch, not through SaveChanges and its interceptor.
        var (h, _) = await CreateAsync(database);
        await using var __ = h;
        await h.PublishAsync(SampleFlows.Delay("wacht", "PT1H"));
        var signal = h.Services.GetRequiredService<OutboxSignal>();
        while (await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None))
        {
            // drain what publishing may have left
        }

        await h.StartAsync("wacht");
        var withoutRows = await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None);
        await h.StartAsync("intake");
        var withRows = await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.False(withoutRows);
        Assert.True(withRows);
    }

    [Fact]
    public void Only_contracts_can_be_written_to_the_outbox()
    {
        var error = Assert.Throws<ArgumentException>(() => OutboxExtensions.AddOutboxMessage(null!, new { Bsn = SampleFlows.PlantedBsn }, null, null, DateTimeOffset.UnixEpoch));
        Assert.Contains("not an outbound message type", error.Message, StringComparison.Ordinal);
    }
}

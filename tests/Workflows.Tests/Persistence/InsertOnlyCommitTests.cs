using Inburgering.Testing;
using Inburgering.Workflows.Audit;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Outbox;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Workflows.Tests.Persistence;

/// <summary>
/// The one-round-trip commit of inserts (a group of starts) on the real PostgreSQL: rows read back exactly as written,
/// nothing of a failing batch lands, and whatever it cannot write goes through SaveChanges.
/// </summary>
public sealed class InsertOnlyCommitTests
{
    private static readonly DateTime At = new(2026, 3, 2, 9, 30, 15, 123, DateTimeKind.Utc);

    [Fact]
    public async Task Rows_of_every_shape_read_back_as_written()
    {
        await using var h = await WorkflowHarness.CreateAsync(HarnessDatabase.Postgres);
        var instance = Instance(correlationKey: "klant-1");
        var bare = Instance(correlationKey: null);
        bare.FinishedAtUtc = null;
        bare.EraseRequestedAtUtc = null;
        var journal = new[]
        {
            new JournalEntry { InstanceId = instance.Id, Sequence = 1, AtUtc = At, Kind = JournalKind.InstanceStarted, Message = "Gestart; ‘aanhalingstekens’ en \"quotes\"" },
            new JournalEntry { InstanceId = instance.Id, Sequence = 2, AtUtc = At, Kind = JournalKind.ActivityCompleted, ActivityKey = "start", ActivityType = "Start", Outcome = "Verder" },
        };
        var wait = new WorkflowWait
        {
            Id = Guid.CreateVersion7(), InstanceId = instance.Id, ActivityKey = "wacht", Kind = "timer", DueAtUtc = At.AddDays(3),
            StateJson = """{"n":1,"tekst":"é"}""", HasTimers = true, CreatedAtUtc = At,
        };
        var timer = new WorkflowTimer { Id = Guid.CreateVersion7(), InstanceId = instance.Id, WaitId = wait.Id, Purpose = TimerPurpose.Reminder, DueAtUtc = At.AddDays(2), Data = "P1WD", CreatedAtUtc = At };

        await using (var db = await CreateAsync(h))
        {
            db.AddRange(instance, bare);
            db.AddRange(journal);
            db.AddRange(wait, timer);
            Assert.True(await InsertOnlyCommit.SaveAsync(db));
            Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        }

        await using var read = await CreateAsync(h);
        AssertSameColumns(read, instance, await read.Instances.SingleAsync(i => i.Id == instance.Id));
        AssertSameColumns(read, bare, await read.Instances.SingleAsync(i => i.Id == bare.Id));
        var readJournal = await read.Journal.Where(j => j.InstanceId == instance.Id).OrderBy(j => j.Sequence).ToListAsync();
        Assert.Equal(2, readJournal.Count);
        AssertSameColumns(read, journal[0], readJournal[0]);
        AssertSameColumns(read, journal[1], readJournal[1]);
        AssertSameColumns(read, wait, await read.Waits.SingleAsync());
        AssertSameColumns(read, timer, await read.Timers.SingleAsync());
    }

    [Fact]
    public async Task A_batch_whose_last_insert_fails_leaves_nothing_behind()
    {
        await using var h = await WorkflowHarness.CreateAsync(HarnessDatabase.Postgres);
        var existing = Instance("bestaand");
        await using (var db = await CreateAsync(h))
        {
            db.Add(existing);
            db.Add(new JournalEntry { InstanceId = existing.Id, Sequence = 1, AtUtc = At, Kind = JournalKind.InstanceStarted });
            await db.SaveChangesAsync();
        }

        var newcomer = Instance("nieuw");
        await using (var db = await CreateAsync(h))
        {
            // The instance table is written first; the journal row clashes with the existing key and fails the batch.
            db.Add(newcomer);
            db.Add(new JournalEntry { InstanceId = existing.Id, Sequence = 1, AtUtc = At, Kind = JournalKind.InstanceStarted });
            await Assert.ThrowsAsync<DbUpdateException>(() => InsertOnlyCommit.SaveAsync(db));
        }

        await using var read = await CreateAsync(h);
        Assert.False(await read.Instances.AnyAsync(i => i.Id == newcomer.Id));
        Assert.Equal(1, await read.Journal.CountAsync());
    }

    [Fact]
    public async Task A_delete_a_store_generated_key_or_an_outbox_row_goes_through_SaveChanges()
    {
        await using var h = await WorkflowHarness.CreateAsync(HarnessDatabase.Postgres);
        var kept = new PendingEvent { Id = Guid.CreateVersion7(), CorrelationKey = "klant-1", EventName = "BrpIngeschreven", ReceivedAtUtc = At };
        await using (var db = await CreateAsync(h))
        {
            db.Add(kept);
            Assert.True(await InsertOnlyCommit.SaveAsync(db));
        }

        var instance = Instance("klant-1");
        await using (var db = await CreateAsync(h))
        {
            db.Add(instance);
            db.Remove(await db.PendingEvents.SingleAsync()); // a start that claimed a kept event
            Assert.False(await InsertOnlyCommit.SaveAsync(db));
        }
        await using (var db = await CreateAsync(h))
        {
            db.Add(new AuditRecord { AtUtc = At, Actor = "regie", Action = "test", Subject = "x" }); // identity key
            Assert.False(await InsertOnlyCommit.SaveAsync(db));
        }

        await using (var db = await CreateAsync(h))
        {
            // Outbox rows: their commit must wake the dispatcher through a SaveChanges interceptor.
            db.Add(new OutboxMessage { Id = Guid.CreateVersion7(), MessageType = "TaskAssigned", CreatedAtUtc = At });
            Assert.False(await InsertOnlyCommit.SaveAsync(db));
        }

        await using var read = await CreateAsync(h);
        Assert.True(await read.Instances.AnyAsync(i => i.Id == instance.Id));
        Assert.Equal(1, await read.Outbox.CountAsync());
        Assert.False(await read.PendingEvents.AnyAsync());
        Assert.Equal(1, await read.Audit.CountAsync());
    }

    [Fact]
    public async Task On_SQLite_it_is_SaveChanges()
    {
        await using var h = await WorkflowHarness.CreateAsync(HarnessDatabase.Sqlite);
        var instance = Instance("klant-1");
        await using (var db = await CreateAsync(h))
        {
            db.Add(instance);
            Assert.False(await InsertOnlyCommit.SaveAsync(db));
        }

        await using var read = await CreateAsync(h);
        AssertSameColumns(read, instance, await read.Instances.SingleAsync());
    }

    private static WorkflowInstance Instance(string? correlationKey) => new()
    {
        Id = Guid.CreateVersion7(),
        DefinitionId = "proef",
        DefinitionVersion = 3,
        Status = InstanceStatus.Running,
        CorrelationKey = correlationKey,
        VariablesJson = """{"naam":"Één","bedrag":12.5,"lijst":[1,2],"leeg":null}""",
        ActivityStateJson = "{}",
        JournalSequence = 2,
        OpenIncidents = 1,
        CreatedAtUtc = At,
        UpdatedAtUtc = At.AddSeconds(1),
        FinishedAtUtc = At.AddHours(1),
        EraseRequestedAtUtc = At.AddHours(2),
        Version = 1,
    };

    private static Task<WorkflowsDbContext> CreateAsync(WorkflowHarness h) =>
        h.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();

    /// <summary>Every mapped column, compared through EF's own model; JSON documents by meaning (jsonb normalises spacing).</summary>
    private static void AssertSameColumns<T>(WorkflowsDbContext db, T expected, T actual)
        where T : class
    {
        foreach (var property in db.Model.FindEntityType(typeof(T))!.GetProperties())
        {
            var want = property.GetGetter().GetClrValueUsingContainingEntity(expected);
            var got = property.GetGetter().GetClrValueUsingContainingEntity(actual);
            if (property.FindAnnotation(ProviderConventions.JsonAnnotation) is not null && want is string w && got is string g)
            {
                Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(w), System.Text.Json.Nodes.JsonNode.Parse(g)), $"{typeof(T).Name}.{property.Name}: {w} vs {g}");
                continue;
            }
            Assert.True(Equals(want, got), $"{typeof(T).Name}.{property.Name}: expected {want ?? "null"}, read {got ?? "null"}");
        }
    }
}

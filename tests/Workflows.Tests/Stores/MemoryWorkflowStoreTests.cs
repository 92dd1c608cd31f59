using Inburgering.Workflows.Inbox;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Stores;
using Inburgering.Workflows.Stores.Memory;
using Inburgering.Workflows.Timers;
using Xunit;

namespace Inburgering.Workflows.Tests.Stores;

/// <summary>
/// The memory store keeps the contract of the database store: a unit commits whole or not at all, loses when what it
/// read changed, and hands out copies (the engine-level behaviour runs on all stores in the Execution, Timers and Tasks tests).
/// </summary>
public sealed class MemoryWorkflowStoreTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_unit_that_read_an_instance_changed_meanwhile_loses_and_commits_nothing()
    {
        var store = new MemoryWorkflowStore();
        var id = await SeedInstanceAsync(store);
        await using var first = await store.OpenAsync();
        await using var second = await store.OpenAsync();
        var mine = (await first.FindInstanceAsync(id))!;
        var theirs = (await second.FindInstanceAsync(id))!;
        theirs.Version++;
        theirs.VariablesJson = """{"van":"tweede"}""";
        await second.CommitAsync();

        mine.Version++;
        mine.VariablesJson = """{"van":"eerste"}""";
        first.Add(new JournalEntry { InstanceId = id, Sequence = 1, AtUtc = Now, Kind = JournalKind.ActivityCompleted });
        await Assert.ThrowsAsync<StoreConflictException>(() => first.CommitAsync());

        Assert.Equal("""{"van":"tweede"}""", Assert.Single(store.Instances()).VariablesJson);
        Assert.Empty(store.JournalOf(id));
    }

    [Fact]
    public async Task Deleting_a_timer_another_unit_deleted_first_loses()
    {
        var store = new MemoryWorkflowStore();
        var id = await SeedInstanceAsync(store);
        var timerId = Guid.CreateVersion7();
        await using (var seed = await store.OpenAsync())
        {
            seed.Add(new WorkflowTimer { Id = timerId, InstanceId = id, WaitId = Guid.CreateVersion7(), DueAtUtc = Now, CreatedAtUtc = Now });
            await seed.CommitAsync();
        }
        await using var first = await store.OpenAsync();
        await using var second = await store.OpenAsync();
        first.Remove(Assert.Single(await first.TimerWithSiblingsAsync(timerId)));
        second.Remove(Assert.Single(await second.TimerWithSiblingsAsync(timerId)));
        await second.CommitAsync();

        await Assert.ThrowsAsync<StoreConflictException>(() => first.CommitAsync());
        Assert.Null(await store.NextTimerDueAsync());
    }

    [Fact]
    public async Task What_a_unit_reads_is_its_own_copy_until_it_commits()
    {
        var store = new MemoryWorkflowStore();
        var id = await SeedInstanceAsync(store);
        await using (var unit = await store.OpenAsync())
        {
            var instance = (await unit.FindInstanceAsync(id))!;
            instance.Status = InstanceStatus.Cancelled;
            Assert.Same(instance, await unit.FindInstanceAsync(id)); // read twice, the same row
            Assert.Equal(InstanceStatus.Running, Assert.Single(store.Instances()).Status);
        } // disposed without commit

        Assert.Equal(InstanceStatus.Running, Assert.Single(store.Instances()).Status);
        store.Instances()[0].Status = InstanceStatus.Faulted; // a copy too
        Assert.Equal(InstanceStatus.Running, Assert.Single(store.Instances()).Status);
    }

    [Fact]
    public async Task The_same_message_processed_twice_in_two_units_commits_once()
    {
        var store = new MemoryWorkflowStore();
        await using var first = await store.OpenAsync();
        await using var second = await store.OpenAsync();
        first.Add(new ProcessedMessage { MessageId = "m-1", Receiver = "CompleteTask", ProcessedAtUtc = Now });
        second.Add(new ProcessedMessage { MessageId = "m-1", Receiver = "CompleteTask", ProcessedAtUtc = Now });
        await first.CommitAsync();

        await Assert.ThrowsAsync<StoreConflictException>(() => second.CommitAsync());
        await using var look = await store.OpenAsync();
        Assert.True(await look.IsProcessedAsync("m-1", "CompleteTask"));
    }

    [Fact]
    public async Task A_kept_event_one_unit_only_read_stays_as_another_unit_claimed_it()
    {
        var store = new MemoryWorkflowStore();
        var id = await SeedInstanceAsync(store);
        var eventId = Guid.CreateVersion7();
        await using (var seed = await store.OpenAsync())
        {
            seed.Add(new PendingEvent { Id = eventId, CorrelationKey = "kr-1", EventName = "DuoKennisgeving", ReceivedAtUtc = Now });
            await seed.CommitAsync();
        }
        await using var reader = await store.OpenAsync();
        await using var claimer = await store.OpenAsync();
        Assert.Single(await reader.PendingEventsAsync(null, ["kr-1"])); // read, left alone
        Assert.Single(await claimer.PendingEventsAsync(null, ["kr-1"])).InstanceId = id; // claimed for an instance
        await claimer.CommitAsync();

        reader.Add(new JournalEntry { InstanceId = id, Sequence = 1, AtUtc = Now, Kind = JournalKind.ActivityCompleted });
        await reader.CommitAsync();

        Assert.Equal(id, Assert.Single(store.PendingEvents()).InstanceId);
    }

    [Fact]
    public async Task Two_units_claiming_the_same_kept_event_commit_once()
    {
        var store = new MemoryWorkflowStore();
        var first = await SeedInstanceAsync(store);
        var second = await SeedInstanceAsync(store);
        await using (var seed = await store.OpenAsync())
        {
            seed.Add(new PendingEvent { Id = Guid.CreateVersion7(), CorrelationKey = "kr-1", EventName = "DuoKennisgeving", ReceivedAtUtc = Now });
            await seed.CommitAsync();
        }
        await using var a = await store.OpenAsync();
        await using var b = await store.OpenAsync();
        a.Remove(Assert.Single(await a.PendingEventsAsync(first, ["kr-1"]))); // delivered to the first
        Assert.Single(await b.PendingEventsAsync(second, ["kr-1"])).InstanceId = second; // kept for the second
        await a.CommitAsync();

        await Assert.ThrowsAsync<StoreConflictException>(() => b.CommitAsync());
        Assert.Empty(store.PendingEvents());
    }

    [Fact]
    public async Task Due_timers_are_claimed_earliest_first_once_until_their_claim_runs_out()
    {
        var store = new MemoryWorkflowStore();
        var id = await SeedInstanceAsync(store);
        await using (var seed = await store.OpenAsync())
        {
            foreach (var minutes in new[] { 30, 10, 20, 90 })
            {
                seed.Add(new WorkflowTimer { Id = Guid.CreateVersion7(), InstanceId = id, WaitId = Guid.CreateVersion7(), DueAtUtc = Now.AddMinutes(minutes), CreatedAtUtc = Now });
            }
            await seed.CommitAsync();
        }
        var at = Now.AddMinutes(60);

        var first = await store.ClaimDueTimersAsync(at, at.AddMinutes(5), limit: 2);
        var second = await store.ClaimDueTimersAsync(at, at.AddMinutes(5), limit: 10);
        var afterClaimsRanOut = await store.ClaimDueTimersAsync(at.AddMinutes(6), at.AddMinutes(11), limit: 10);

        Assert.Equal([Now.AddMinutes(10), Now.AddMinutes(20)], first.Select(t => t.DueAtUtc));
        Assert.Equal([Now.AddMinutes(30)], second.Select(t => t.DueAtUtc));
        Assert.Equal(3, afterClaimsRanOut.Count);
        Assert.Equal(Now.AddMinutes(10), await store.NextTimerDueAsync());
    }

    private static async Task<Guid> SeedInstanceAsync(MemoryWorkflowStore store)
    {
        var id = Guid.CreateVersion7();
        await using var unit = await store.OpenAsync();
        unit.Add(new WorkflowInstance { Id = id, DefinitionId = "d", DefinitionVersion = 1, Status = InstanceStatus.Running, CreatedAtUtc = Now, UpdatedAtUtc = Now });
        await unit.CommitAsync();
        return id;
    }
}

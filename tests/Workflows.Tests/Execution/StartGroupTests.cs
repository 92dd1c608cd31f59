using Inburgering.Workflows.Stores;
using Inburgering.Testing;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Workflows.Tests.Execution;

/// <summary>
/// Group commit of starts: starts that arrive while another start commits are committed together, yet every caller gets
/// its own instance or its own exception, nothing of a failed group commits, and a kept event reaches one start only.
/// </summary>
public sealed class StartGroupTests
{
    private const string Flow = "groep";

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task Starts_arriving_while_one_commits_commit_together_each_with_its_own_instance(HarnessDatabase database)
    {
        var observer = new HoldingObserver();
        await using var h = await CreateAsync(database, observer);

        var starts = await StartBehindHeldStartAsync(h, observer, Enumerable.Range(1, 6).Select(i => $"klant-{i}").ToArray());
        var instances = await Task.WhenAll(starts);

        Assert.Equal(6, instances.Select(i => i.Id).Distinct().Count());
        Assert.Single(instances.Select(i => observer.ContextOf[i.Id]).Distinct()); // one group: built in one unit of work
        foreach (var (instance, i) in instances.Select((x, i) => (x, i)))
        {
            var view = await h.GetAsync(instance.Id);
            Assert.Equal(InstanceStatus.Running, view.Status);
            Assert.Equal($"klant-{i + 1}", view.Instance.CorrelationKey);
            Assert.Equal(["wacht-b1", "wacht-b2"], view.WaitingAt);
            Assert.Equal(1, view.Count(JournalKind.InstanceStarted));
            Assert.Equal(Enumerable.Range(1, view.Journal.Count), view.Journal.Select(j => j.Sequence));
        }
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task Many_concurrent_starts_all_land_once(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(Flows.ForkJoin(Flow, 2));

        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => h.StartAsync(Flow, correlationKey: i % 3 == 0 ? null : $"k{i}"))));

        Assert.Equal(40, ids.Distinct().Count());
        await using var db = await h.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        Assert.Equal(40, await db.Instances.CountAsync(i => i.Status == InstanceStatus.Running));
        Assert.Equal(80, await db.Waits.CountAsync());
        Assert.Equal(40, await db.Journal.CountAsync(j => j.Kind == JournalKind.InstanceStarted));
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task A_start_that_throws_in_a_group_fails_alone_and_the_others_land(HarnessDatabase database)
    {
        var observer = new HoldingObserver { ThrowFor = "kapot" };
        await using var h = await CreateAsync(database, observer);

        var starts = await StartBehindHeldStartAsync(h, observer, ["a", "kapot", "b", "c"]);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => starts[1]);
        Assert.Equal("kapot", failure.Message);
        var landed = await Task.WhenAll(starts.Where((_, i) => i != 1));
        Assert.Equal(["a", "b", "c"], landed.Select(i => i.CorrelationKey));
        Assert.Equal(3, landed.Select(i => observer.ContextOf[i.Id]).Distinct().Count()); // fell back: one transaction each
        await AssertNoInstanceWithKeyAsync(h, "kapot");
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task A_group_whose_commit_fails_commits_nothing_and_its_members_start_alone(HarnessDatabase database)
    {
        // The start with key "botsing" adds a row whose key already exists: the group's commit fails on the database.
        var observer = new HoldingObserver { CollideFor = "botsing" };
        await using var h = await CreateAsync(database, observer, maxAttempts: 2);
        await using (var db = await h.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync())
        {
            db.PendingEvents.Add(new PendingEvent { Id = HoldingObserver.CollidingId, CorrelationKey = "elders", EventName = "x", ReceivedAtUtc = h.Time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        var starts = await StartBehindHeldStartAsync(h, observer, ["a", "botsing", "b"]);

        await Assert.ThrowsAnyAsync<StoreConflictException>(() => starts[1]);
        var landed = await Task.WhenAll(starts[0], starts[2]);
        Assert.Equal(["a", "b"], landed.Select(i => i.CorrelationKey));
        await AssertNoInstanceWithKeyAsync(h, "botsing");
        foreach (var instance in landed)
        {
            Assert.Equal(["wacht-b1", "wacht-b2"], (await h.GetAsync(instance.Id)).WaitingAt);
        }
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task An_event_kept_for_a_key_reaches_exactly_one_start_of_a_group(HarnessDatabase database)
    {
        var observer = new HoldingObserver();
        await using var h = await CreateAsync(database, observer);
        Assert.Empty(await h.Runner.DeliverEventByCorrelationAsync("klant-7", "e1", null));

        var starts = await StartBehindHeldStartAsync(h, observer, ["klant-7", "klant-7", "klant-8", "klant-7"]);
        var instances = await Task.WhenAll(starts);

        Assert.Single(instances.Select(i => observer.ContextOf[i.Id]).Distinct());
        var views = await Task.WhenAll(instances.Select(i => h.GetAsync(i.Id)));
        var reached = Assert.Single(views, v => v.Count(JournalKind.EventReceived) == 1);
        Assert.Equal("klant-7", reached.Instance.CorrelationKey);
        Assert.Equal(["wacht-b2"], reached.WaitingAt);
        Assert.All(views.Where(v => v != reached), v => Assert.Equal(["wacht-b1", "wacht-b2"], v.WaitingAt));
        await AssertNoPendingEventsAsync(h);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task A_kept_event_taken_elsewhere_while_the_group_runs_is_not_delivered_twice(HarnessDatabase database)
    {
        var observer = new HoldingObserver();
        await using var h = await CreateAsync(database, observer);
        Assert.Empty(await h.Runner.DeliverEventByCorrelationAsync("klant-9", "e1", null));
        // After the group claimed the event in memory, another writer (say a second Host) takes it and commits first.
        observer.OnceInGroup = async () =>
        {
            await using var db = await h.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
            await db.PendingEvents.Where(p => p.CorrelationKey == "klant-9").ExecuteDeleteAsync();
        };

        var starts = await StartBehindHeldStartAsync(h, observer, ["klant-9", "klant-9"]);
        var instances = await Task.WhenAll(starts);

        Assert.True(observer.TookPlace);
        Assert.Equal(2, instances.Select(i => observer.ContextOf[i.Id]).Distinct().Count()); // the group fell back
        foreach (var instance in instances)
        {
            var view = await h.GetAsync(instance.Id);
            Assert.Equal(0, view.Count(JournalKind.EventReceived));
            Assert.Equal(["wacht-b1", "wacht-b2"], view.WaitingAt);
        }
        await AssertNoPendingEventsAsync(h);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task A_caller_that_gives_up_while_waiting_for_its_group_starts_nothing(HarnessDatabase database)
    {
        var observer = new HoldingObserver();
        await using var h = await CreateAsync(database, observer);
        var held = Task.Run(() => h.Runner.StartAsync(new StartInstanceRequest(Flow, CorrelationKey: HoldingObserver.HeldKey)));
        await observer.Entered.Task;

        using var cancel = new CancellationTokenSource();
        var giving = Task.Run(() => h.Runner.StartAsync(new StartInstanceRequest(Flow, CorrelationKey: "ongeduldig"), cancel.Token));
        await WaitForQueuedStartsAsync(h, 1);
        await cancel.CancelAsync();
        observer.Release.SetResult();

        await held;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => giving);
        await AssertNoInstanceWithKeyAsync(h, "ongeduldig");
    }

    private static async Task<WorkflowHarness> CreateAsync(HarnessDatabase database, HoldingObserver observer, int maxAttempts = 25)
    {
        // One group at a time, so that every start arriving while the held one runs ends up in the same next group.
        var h = await WorkflowHarness.CreateAsync(database, services =>
        {
            services.AddSingleton<IWaitObserver>(observer);
            services.Configure<EngineOptions>(o =>
            {
                o.StartGroupParallelism = 1;
                o.MaxBurstAttempts = maxAttempts;
            });
        });
        await h.PublishAsync(Flows.ForkJoin(Flow, 2));
        return h;
    }

    /// <summary>
    /// Starts one instance that is held inside its burst, then the given starts (they queue behind it), then lets go:
    /// the queued starts form the next group. Returns the callers' tasks in the order given.
    /// </summary>
    private static async Task<Task<WorkflowInstance>[]> StartBehindHeldStartAsync(WorkflowHarness h, HoldingObserver observer, string[] keys)
    {
        var held = Task.Run(() => h.Runner.StartAsync(new StartInstanceRequest(Flow, CorrelationKey: HoldingObserver.HeldKey)));
        await observer.Entered.Task;
        var starts = new Task<WorkflowInstance>[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            starts[i] = Task.Run(() => h.Runner.StartAsync(new StartInstanceRequest(Flow, CorrelationKey: key)));
            await WaitForQueuedStartsAsync(h, i + 1); // queued in this order
        }
        observer.Release.SetResult();
        await held;
        return starts;
    }

    private static async Task WaitForQueuedStartsAsync(WorkflowHarness h, int count)
    {
        for (var i = 0; h.Runner.StartsWaitingForGroup < count; i++)
        {
            Assert.True(i < 2000, $"{count} starts never queued");
            await Task.Delay(5);
        }
    }

    private static async Task AssertNoInstanceWithKeyAsync(WorkflowHarness h, string key)
    {
        await using var db = await h.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Instances.AnyAsync(i => i.CorrelationKey == key));
    }

    private static async Task AssertNoPendingEventsAsync(WorkflowHarness h)
    {
        await using var db = await h.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        Assert.False(await db.PendingEvents.AnyAsync(p => p.CorrelationKey != "elders"));
    }

    /// <summary>
    /// Holds the start with <see cref="HeldKey"/> inside its burst until released, records in which unit of work each
    /// instance was built (a group shares one), and can make one start throw or collide.
    /// </summary>
    private sealed class HoldingObserver : IWaitObserver
    {
        public const string HeldKey = "vasthouden";

        public static readonly Guid CollidingId = Guid.Parse("0191d3c0-0000-7000-8000-000000000001");

        private int _onceDone;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public System.Collections.Concurrent.ConcurrentDictionary<Guid, object> ContextOf { get; } = new();

        public string? ThrowFor { get; init; }

        public string? CollideFor { get; init; }

        /// <summary>
        /// Runs once, inside the first group of more than the held start, right after a start claimed a kept event:
        /// its "wacht-b2" opened without a "wacht-b1" before it (b1 took the kept e1 at once). On PostgreSQL that is the
        /// group's second run, which reads the kept events because the first, assuming none, found one at its commit.
        /// </summary>
        public Func<Task>? OnceInGroup { get; set; }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, bool> _waitingAtB1 = new();

        public bool TookPlace => _onceDone == 1;

        public async ValueTask OnWaitOpenedAsync(WaitOpenedArguments arguments)
        {
            var key = arguments.Instance.CorrelationKey;
            ContextOf[arguments.Instance.Id] = arguments.Session;
            if (key == HeldKey && !Release.Task.IsCompleted)
            {
                Entered.TrySetResult();
                await Release.Task;
            }
            if (key == ThrowFor)
            {
                throw new InvalidOperationException("kapot");
            }
            if (key == CollideFor && arguments.Wait.ActivityKey == "wacht-b1")
            {
                arguments.Session.Add(new PendingEvent { Id = CollidingId, CorrelationKey = "elders", EventName = "x", ReceivedAtUtc = arguments.Now.UtcDateTime });
            }
            if (arguments.Wait.ActivityKey == "wacht-b1")
            {
                _waitingAtB1[arguments.Instance.Id] = true;
            }
            var claimedE1 = arguments.Wait.ActivityKey == "wacht-b2" && !_waitingAtB1.ContainsKey(arguments.Instance.Id);
            if (key != HeldKey && claimedE1 && OnceInGroup is { } once && Interlocked.Exchange(ref _onceDone, 1) == 0)
            {
                await once();
            }
        }

        public ValueTask OnWaitClosedAsync(WaitClosedArguments arguments) => ValueTask.CompletedTask;
    }
}

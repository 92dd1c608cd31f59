using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inburgering.Workflows.Timers;

/// <summary>
/// Fires due timers: claims a batch (on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so several Hosts take disjoint
/// batches), runs a burst per timer with bounded parallelism, and repeats until nothing is due. Woken by Hangfire at
/// the earliest new due time, by a recurring sweep, and once at start-up.
/// </summary>
public sealed partial class TimerDispatcher(
    IDbContextFactory<WorkflowsDbContext> dbFactory,
    WorkflowRunner runner,
    ResolvedDatabase database,
    TimeProvider time,
    IOptions<TimerOptions> options,
    ILogger<TimerDispatcher> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Fires everything due now; returns how many timers were taken.</summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken = default)
    {
        // One round at a time in this process; other processes are kept apart by the claims.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var total = 0;
            var settings = options.Value;
            while (true)
            {
                var claimed = await ClaimAsync(time.GetUtcNow(), settings, cancellationToken);
                if (claimed.Count == 0)
                {
                    return total;
                }
                total += claimed.Count;
                // Waves: the first due timer of every instance, then the second, … Groups within a wave run in parallel;
                // the timers of one instance fire one after another in due order, the same order in every run.
                foreach (var wave in Waves(claimed))
                {
                    await Parallel.ForEachAsync(Groups(wave, settings.GroupSize), new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
                        async (group, ct) =>
                        {
                            try
                            {
                                await runner.FireTimerGroupAsync(group, ct);
                            }
                            catch (Exception ex) when (ex is not OperationCanceledException)
                            {
                                // The rows stay and their claims run out: they are fired again later. Effects stay exactly-once.
                                LogFailed(ex, group[0].Id);
                            }
                        });
                }
                if (claimed.Count < settings.BatchSize)
                {
                    return total;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The earliest due time of any timer, for fake-time drivers (tests, simulations).</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var next = await db.Timers.OrderBy(t => t.DueAtUtc).Select(t => (DateTime?)t.DueAtUtc).FirstOrDefaultAsync(cancellationToken);
        return next is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null;
    }

    /// <summary>The claimed timers by rank within their instance: wave 0 holds each instance's earliest, wave 1 the next, ….</summary>
    private static IEnumerable<List<ClaimedTimer>> Waves(List<ClaimedTimer> claimed) =>
        claimed.GroupBy(t => t.InstanceId)
            .SelectMany(g => g.OrderBy(t => t.DueAtUtc).ThenBy(t => t.CreatedAtUtc).ThenBy(t => t.Id).Select((t, rank) => (t, rank)))
            .GroupBy(x => x.rank)
            .OrderBy(w => w.Key)
            .Select(w => w.Select(x => x.t).ToList());

    /// <summary>
    /// For fake-time drivers (tests, scenarios, simulations): moves the clock to <paramref name="target"/>, firing every
    /// timer at its own due moment on the way (a reminder fires at its time, not all at once at the end). Returns how
    /// many timers fired. <paramref name="now"/> and <paramref name="moveTo"/> are the driver's fake clock.
    /// </summary>
    public async Task<int> AdvanceAsync(DateTimeOffset target, Func<DateTimeOffset> now, Action<DateTimeOffset> moveTo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(moveTo);
        var fired = 0;
        while (await NextDueAsync(cancellationToken) is { } next && next <= target)
        {
            if (next > now())
            {
                moveTo(next);
            }
            fired += await FireDueAsync(cancellationToken);
        }
        if (target > now())
        {
            moveTo(target);
        }
        return fired;
    }

    /// <summary>Groups of timers of distinct instances (two timers of one instance never share a group).</summary>
    private static List<List<ClaimedTimer>> Groups(List<ClaimedTimer> claimed, int size)
    {
        var groups = new List<List<ClaimedTimer>>();
        foreach (var timer in claimed)
        {
            var group = groups.FirstOrDefault(g => g.Count < size && g.TrueForAll(t => t.InstanceId != timer.InstanceId));
            if (group is null)
            {
                groups.Add(group = []);
            }
            group.Add(timer);
        }
        return groups;
    }

    /// <summary>Marks up to a batch of due, unclaimed timers as claimed by this round and returns them with their instances.</summary>
    private async Task<List<ClaimedTimer>> ClaimAsync(DateTimeOffset now, TimerOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nowUtc = now.UtcDateTime;
        var until = (now + settings.ClaimDuration).UtcDateTime;
        var limit = settings.BatchSize;
        return await db.Database.SqlQuery<ClaimedTimer>(ClaimSql.For(database.Provider, """
            UPDATE workflow_timers SET "ClaimedUntilUtc" = {0}
            WHERE "Id" IN (SELECT "Id" FROM workflow_timers
                           WHERE "DueAtUtc" <= {1} AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {1})
                           ORDER BY "DueAtUtc" LIMIT {2}{skipLocked})
            RETURNING "Id", "InstanceId", "DueAtUtc", "CreatedAtUtc"
            """, until, nowUtc, limit)).ToListAsync(cancellationToken);
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Firing timer {TimerId} failed; it will be fired again when its claim runs out")]
    private partial void LogFailed(Exception exception, Guid timerId);
}

using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inburgering.Workflows.Timers;

/// <summary>
/// Fires due timers: claims a batch from the store (on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so several Hosts take
/// disjoint batches), fires them in groups with bounded parallelism, claiming the next batch while the last groups still fire
/// (<see cref="TimerDispatchRun"/>), until nothing is due. Woken by Hangfire at
/// the earliest new due time, by a recurring sweep, and once at start-up.
/// </summary>
public sealed class TimerDispatcher(
    IWorkflowStore store,
    WorkflowRunner runner,
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
            var settings = options.Value;
            using var run = new TimerDispatchRun(ct => ClaimAsync(time.GetUtcNow(), settings, ct), runner, settings, logger, cancellationToken);
            return await run.ExecuteAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The earliest due time of any timer, for fake-time drivers (tests, simulations).</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        var next = await store.NextTimerDueAsync(cancellationToken);
        return next is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null;
    }

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

    /// <summary>Marks up to a batch of due, unclaimed timers as claimed by this round and returns them with their instances.</summary>
    private Task<List<ClaimedTimer>> ClaimAsync(DateTimeOffset now, TimerOptions settings, CancellationToken cancellationToken) =>
        store.ClaimDueTimersAsync(now.UtcDateTime, (now + settings.ClaimDuration).UtcDateTime, settings.BatchSize, cancellationToken);

    public void Dispose() => _gate.Dispose();
}

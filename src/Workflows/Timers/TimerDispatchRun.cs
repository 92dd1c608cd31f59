using Inburgering.Workflows.Execution;
using Microsoft.Extensions.Logging;

namespace Inburgering.Workflows.Timers;

/// <summary>
/// One round of the timer dispatcher, pipelined: the next batch is claimed while the last groups of the previous one
/// are still firing, so the lanes do not stand idle at the end of every batch (P2: a storm of 10,000 timers is ten
/// batches, and each one used to wait for its slowest group before the next claim). Order per instance: a group fires
/// only after every earlier group holding a timer of one of its instances has finished (the earlier timer was claimed
/// first, so it is due first), within a batch and across batches alike; groups of different instances run in parallel.
/// </summary>
internal sealed partial class TimerDispatchRun(
    Func<CancellationToken, Task<List<ClaimedTimer>>> claim, WorkflowRunner runner, TimerOptions settings, ILogger logger,
    CancellationToken cancellationToken) : IDisposable
{
    private readonly SemaphoreSlim _lanes = new(settings.Parallelism, settings.Parallelism);
    private readonly Dictionary<Guid, Task> _lastPerInstance = [];
    private readonly List<Task> _running = [];
    private int _waitingForLane;

    /// <summary>Fires everything due; returns how many timers were taken.</summary>
    public async Task<int> ExecuteAsync()
    {
        var taken = 0;
        try
        {
            while (true)
            {
                // Claim again once only a lane's worth of groups is left waiting: early enough that no lane runs dry,
                // late enough that claimed timers do not sit for long (their claims run out after ClaimDuration).
                while (Volatile.Read(ref _waitingForLane) > settings.Parallelism)
                {
                    await Task.WhenAny(_running);
                    _running.RemoveAll(t => t.IsCompleted);
                }
                var claimed = await claim(cancellationToken);
                taken += claimed.Count;
                foreach (var wave in Waves(claimed))
                {
                    foreach (var group in wave.Chunk(settings.GroupSize))
                    {
                        Schedule([.. group]); // within a wave every instance appears once: a group never holds two timers of one
                    }
                }
                if (claimed.Count < settings.BatchSize)
                {
                    break;
                }
            }
        }
        catch (Exception) when (_running.Count > 0)
        {
            // A claim failed (the database went away) or the run was cancelled: the groups already started still use
            // this run's lanes, so they finish before the error goes up. Their own failures are logged where they happen.
            await Task.WhenAll(_running).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }
        await Task.WhenAll(_running);
        return taken;
    }

    public void Dispose() => _lanes.Dispose();

    private void Schedule(List<ClaimedTimer> group)
    {
        var earlier = group.Select(t => _lastPerInstance.GetValueOrDefault(t.InstanceId)).OfType<Task>().Distinct().ToList();
        Interlocked.Increment(ref _waitingForLane);
        var firing = FireAfterAsync(group, earlier);
        foreach (var timer in group)
        {
            _lastPerInstance[timer.InstanceId] = firing;
        }
        _running.Add(firing);
    }

    /// <summary>Never throws: a failed group leaves its rows, whose claims run out, and they are fired again later.</summary>
    private async Task FireAfterAsync(List<ClaimedTimer> group, List<Task> earlier)
    {
        await Task.WhenAll(earlier);
        await _lanes.WaitAsync(cancellationToken);
        Interlocked.Decrement(ref _waitingForLane);
        try
        {
            await runner.FireTimerGroupAsync(group, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The rows stay and their claims run out: they are fired again later. Effects stay exactly-once.
            LogFailed(ex, group[0].Id);
        }
        finally
        {
            _lanes.Release();
        }
    }

    /// <summary>The claimed timers by rank within their instance: wave 0 holds each instance's earliest, wave 1 the next, ….</summary>
    private static IEnumerable<List<ClaimedTimer>> Waves(List<ClaimedTimer> claimed) =>
        claimed.GroupBy(t => t.InstanceId)
            .SelectMany(g => g.OrderBy(t => t.DueAtUtc).ThenBy(t => t.CreatedAtUtc).ThenBy(t => t.Id).Select((t, rank) => (t, rank)))
            .GroupBy(x => x.rank)
            .OrderBy(w => w.Key)
            .Select(w => w.Select(x => x.t).ToList());

    [LoggerMessage(Level = LogLevel.Error, Message = "Firing timer {TimerId} failed; it will be fired again when its claim runs out")]
    private partial void LogFailed(Exception exception, Guid timerId);
}

using System.Diagnostics;

namespace Inburgering.Bench;

/// <summary>
/// Open-loop load: operation i is launched at <c>start + i / rate</c> whether or not earlier ones have finished, so a
/// slow system meets the same offered load a real one would (a closed loop would slow down with it and hide the queue).
/// Only the number in flight is capped; when the cap is reached the pacer falls behind schedule, and that lag is
/// reported rather than hidden: the launched rate is then what the system could take.
/// </summary>
internal static class Pacer
{
    /// <param name="operation">Runs on the thread pool, never inline, so a slow operation cannot delay later launches.</param>
    public static async Task<PacedRun> RunAsync(double rate, int count, int maxInFlight, Func<int, Task> operation)
    {
        using var gate = new SemaphoreSlim(maxInFlight, maxInFlight);
        var tasks = new Task[count];
        var errors = 0;
        Exception? first = null;
        var maxLag = TimeSpan.Zero;
        var maxQueued = 0L;
        var maxThreads = 0;
        var start = Stopwatch.GetTimestamp();
        var lastLaunch = start;
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - Stopwatch.GetElapsedTime(start);
            // Task.Delay sleeps at least a millisecond: launch whatever is due now and only sleep when ahead of schedule.
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            await gate.WaitAsync();
            lastLaunch = Stopwatch.GetTimestamp();
            var lag = Stopwatch.GetElapsedTime(start, lastLaunch) - due;
            if (lag > maxLag)
            {
                maxLag = lag;
            }
            // Work waiting for a pool thread: a growing queue means the process is CPU-starved or something blocks threads.
            maxQueued = Math.Max(maxQueued, ThreadPool.PendingWorkItemCount);
            maxThreads = Math.Max(maxThreads, ThreadPool.ThreadCount);
            var index = i;
            tasks[i] = Task.Run(async () =>
            {
                try
                {
                    await operation(index);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    if (Interlocked.Increment(ref errors) == 1)
                    {
                        first = ex;
                    }
                }
                finally
                {
                    gate.Release();
                }
            });
        }
        await Task.WhenAll(tasks);
        if (errors > 0)
        {
            throw new InvalidOperationException($"{errors} of {count} paced operations failed; first: {first}");
        }
        var launchSpan = Stopwatch.GetElapsedTime(start, lastLaunch).TotalSeconds;
        return new PacedRun(start, count > 1 && launchSpan > 0 ? (count - 1) / launchSpan : rate, maxLag, maxQueued, maxThreads);
    }
}

/// <param name="Start">Stopwatch timestamp of the first launch's due time.</param>
/// <param name="LaunchedRate">Operations launched per second (first to last launch): the offered rate actually achieved.</param>
/// <param name="MaxLag">How far the latest launch fell behind its due time.</param>
/// <param name="MaxQueued">Most thread-pool work items seen waiting at a launch.</param>
/// <param name="MaxThreads">Most thread-pool threads seen at a launch.</param>
internal sealed record PacedRun(long Start, double LaunchedRate, TimeSpan MaxLag, long MaxQueued, int MaxThreads);

using System.Diagnostics;
using System.Globalization;

namespace Inburgering.Bench;

internal static class Stats
{
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length); // nearest rank
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static string F(double value, int decimals = 1) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Memory()
    {
        using var self = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo();
        return $"peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MiB | working set {self.WorkingSet64 / 1048576.0:F0} MiB | GC heap {info.HeapSizeBytes / 1048576.0:F1} MiB (in use {GC.GetTotalMemory(false) / 1048576.0:F1} MiB) | gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}";
    }

    /// <summary>Runs <paramref name="count"/> operations on <paramref name="concurrency"/> workers; returns elapsed time.</summary>
    public static async Task<TimeSpan> RunConcurrentAsync(int concurrency, int count, Func<int, Task> operation)
    {
        var next = -1;
        var errors = 0;
        Exception? first = null;
        var sw = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    await operation(i);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    if (Interlocked.Increment(ref errors) == 1)
                    {
                        first = ex;
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        sw.Stop();
        return errors > 0 ? throw new InvalidOperationException($"{errors} of {count} operations failed; first: {first}") : sw.Elapsed;
    }
}

namespace Inburgering.Bench;

/// <summary>
/// CPU time of the Chromium processes this bench started (browser, renderers, GPU and utility processes: every
/// descendant of the bench whose name starts with "chrom"), from /proc. Other browsers on the machine are not counted.
/// </summary>
internal static class P7ChromiumCpu
{
    public static TimeSpan Now()
    {
        var all = ProcStat.All();
        var parents = all.ToDictionary(p => p.Pid, p => p.ParentPid);
        var self = Environment.ProcessId;
        return ProcStat.ToTime(all.Where(p => p.Name.StartsWith("chrom", StringComparison.Ordinal) && Descends(p.Pid, self, parents)).Sum(p => p.OwnTicks));
    }

    private static bool Descends(int pid, int ancestor, Dictionary<int, int> parents)
    {
        for (var depth = 0; depth < 32 && parents.TryGetValue(pid, out var parent); depth++)
        {
            if (parent == ancestor)
            {
                return true;
            }
            pid = parent;
        }
        return false;
    }
}

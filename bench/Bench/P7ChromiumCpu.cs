using System.Globalization;

namespace Inburgering.Bench;

/// <summary>
/// CPU time of the Chromium processes this bench started (browser, renderers, GPU and utility processes: every
/// descendant of the bench whose name starts with "chrom"), from /proc. Other browsers on the machine are not counted.
/// </summary>
internal static class P7ChromiumCpu
{
    public static TimeSpan Now()
    {
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }
        var self = Environment.ProcessId;
        var parents = new Dictionary<int, int>();
        var ticks = new Dictionary<int, long>();
        var names = new Dictionary<int, string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue; // exited meanwhile
            }
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            names[pid] = stat[(open + 1)..close];
            parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            // utime(14) stime(15), numbered from 1 with pid(1) comm(2) state(3).
            ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        long total = 0;
        foreach (var (pid, name) in names)
        {
            if (name.StartsWith("chrom", StringComparison.Ordinal) && Descends(pid, self, parents))
            {
                total += ticks[pid];
            }
        }
        return TimeSpan.FromSeconds(total / 100.0); // USER_HZ is 100 on Linux
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

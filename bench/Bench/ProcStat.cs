using System.Globalization;

namespace Inburgering.Bench;

/// <summary>
/// One process as <c>/proc/&lt;pid&gt;/stat</c> describes it: its name, parent and CPU ticks (USER_HZ = 100 on Linux), its
/// own and those of the children it has reaped. What <see cref="CpuMeter"/> (the bench's PostgreSQL) and
/// <see cref="P7ChromiumCpu"/> (the bench's Chromium) add up.
/// </summary>
internal sealed record ProcStat(int Pid, string Name, int ParentPid, long OwnTicks, long ReapedChildTicks)
{
    public static TimeSpan ToTime(long ticks) => TimeSpan.FromSeconds(ticks / 100.0);

    /// <summary>Every process now; none when there is no /proc. A process that exits while being read is left out.</summary>
    public static List<ProcStat> All()
    {
        var all = new List<ProcStat>();
        if (!Directory.Exists("/proc"))
        {
            return all;
        }
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
            all.Add(Parse(pid, stat));
        }
        return all;
    }

    /// <summary>Fields after "(comm)": state ppid … utime(14) stime(15) cutime(16) cstime(17), numbered from 1.</summary>
    public static ProcStat Parse(int pid, string stat)
    {
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        var fields = stat[(close + 2)..].Split(' ');
        long Field(int n) => long.Parse(fields[n - 3], CultureInfo.InvariantCulture);
        return new ProcStat(pid, stat[(open + 1)..close], (int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
    }
}

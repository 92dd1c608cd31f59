using System.Diagnostics;

namespace Inburgering.Bench;

/// <summary>
/// CPU time used by the bench process (the client: engine, EF, Npgsql) and by the bench's PostgreSQL server, read
/// from the OS. On a shared machine wall-clock rates swing with other work; CPU time per operation says what an
/// operation costs, which is what decides the rate when the cores are the limit.
/// </summary>
internal static class CpuMeter
{
    /// <summary>The bench server's postmaster (set once the server is known); 0 = server CPU not measured.</summary>
    public static int Postmaster { get; set; }

    public static (TimeSpan Client, TimeSpan Server) Now()
    {
        using var self = Process.GetCurrentProcess();
        return (self.TotalProcessorTime, ServerCpu());
    }

    /// <summary>
    /// CPU of the bench server: its postmaster (with the children it has reaped) and its live children (backends, WAL
    /// writer…), from /proc. Other PostgreSQL servers on the machine are not counted.
    /// </summary>
    private static TimeSpan ServerCpu()
    {
        if (Postmaster == 0)
        {
            return TimeSpan.Zero;
        }
        var ticks = ProcStat.All().Sum(p => p.Pid == Postmaster ? p.OwnTicks + p.ReapedChildTicks : p.ParentPid == Postmaster ? p.OwnTicks : 0);
        return ProcStat.ToTime(ticks);
    }

    /// <summary>Runs <paramref name="measure"/> and adds the CPU it used (client, server) to <paramref name="total"/>.</summary>
    public static async Task<TimeSpan> MeasureAsync(Func<Task<TimeSpan>> measure, CpuTotal total)
    {
        var before = Now();
        var elapsed = await measure();
        var after = Now();
        total.Client += after.Client - before.Client;
        total.Server += after.Server - before.Server;
        return elapsed;
    }
}

/// <summary>CPU time summed over the measured rounds of one side of a comparison.</summary>
internal sealed class CpuTotal
{
    public TimeSpan Client { get; set; }

    public TimeSpan Server { get; set; }

    public string PerOperation(int operations) =>
        $"CPU/op client {Stats.F(Client.TotalMilliseconds / operations, 3)} ms + server {Stats.F(Server.TotalMilliseconds / operations, 3)} ms";
}

using System.Globalization;
using System.Text;

namespace Inburgering.Simulation.Reports;

/// <summary>Task load per partner per month, deadlines met and missed, and the college's fines per month.</summary>
public sealed record SimulationReport(
    IReadOnlyList<PartnerMonth> Tasks,
    IReadOnlyList<FineMonth> Fines,
    int People,
    int Instances,
    long Bursts,
    int TaskCount,
    int DeadlinesMet,
    int DeadlinesMissed,
    TimeSpan Elapsed)
{
    /// <summary>Wall time firing timers while the clock moved (reminders, deadlines, Until/Delay).</summary>
    public TimeSpan TimersTime { get; init; }

    /// <summary>Wall time applying the day's events, starts and task completions.</summary>
    public TimeSpan ActionsTime { get; init; }

    /// <summary>Wall time looking for newly opened tasks and planning the partners' answers.</summary>
    public TimeSpan ScanTime { get; init; }

    /// <summary>
    /// The report of a forecast run in shards: rows of the same month and partner (or month) added up, and the counts
    /// summed. <paramref name="elapsed"/> is the wall time of the whole; the time split is summed over the shards.
    /// </summary>
    public static SimulationReport Combine(IReadOnlyList<SimulationReport> parts, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 1)
        {
            return parts[0] with { Elapsed = elapsed };
        }
        var tasks = parts.SelectMany(p => p.Tasks)
            .GroupBy(r => (r.Month, r.Organisation))
            .OrderBy(g => g.Key.Month).ThenBy(g => g.Key.Organisation, StringComparer.Ordinal)
            .Select(g => new PartnerMonth(g.Key.Month, g.Key.Organisation, g.Sum(r => r.Opened), g.Sum(r => r.Completed), g.Sum(r => r.OnTime),
                g.Sum(r => r.Late), g.Sum(r => r.Expired), g.Sum(r => r.OpenOverdue)))
            .ToList();
        var fines = parts.SelectMany(p => p.Fines)
            .GroupBy(f => f.Month)
            .OrderBy(g => g.Key)
            .Select(g => new FineMonth(g.Key, g.Sum(f => f.Count), g.Sum(f => f.Amount)))
            .ToList();
        return new SimulationReport(tasks, fines, parts.Sum(p => p.People), parts.Sum(p => p.Instances), parts.Sum(p => p.Bursts), parts.Sum(p => p.TaskCount),
            parts.Sum(p => p.DeadlinesMet), parts.Sum(p => p.DeadlinesMissed), elapsed)
        {
            TimersTime = TimeSpan.FromTicks(parts.Sum(p => p.TimersTime.Ticks)),
            ActionsTime = TimeSpan.FromTicks(parts.Sum(p => p.ActionsTime.Ticks)),
            ScanTime = TimeSpan.FromTicks(parts.Sum(p => p.ScanTime.Ticks)),
        };
    }

    /// <summary>One row per month and partner: <c>maand,organisatie,geopend,afgerond,op_tijd,te_laat,verlopen,open_over_termijn</c>.</summary>
    public string TasksCsv()
    {
        var csv = new StringBuilder("maand,organisatie,geopend,afgerond,op_tijd,te_laat,verlopen,open_over_termijn\n");
        foreach (var row in Tasks)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{row.Month:yyyy-MM},{row.Organisation},{row.Opened},{row.Completed},{row.OnTime},{row.Late},{row.Expired},{row.OpenOverdue}\n");
        }
        return csv.ToString();
    }

    /// <summary>One row per month with fines: <c>maand,aantal,bedrag_euro</c> (by decision date; herroepen fines left out).</summary>
    public string FinesCsv()
    {
        var csv = new StringBuilder("maand,aantal,bedrag_euro\n");
        foreach (var row in Fines)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row.Month:yyyy-MM},{row.Count},{row.Amount}\n");
        }
        return csv.ToString();
    }
}

/// <param name="Month">The first day of the month.</param>
/// <param name="Opened">Tasks opened in the month.</param>
/// <param name="Completed">Tasks completed in the month; <paramref name="OnTime"/> and <paramref name="Late"/> split them by their deadline.</param>
/// <param name="Expired">Tasks that expired at their deadline in the month.</param>
/// <param name="OpenOverdue">Tasks still open at the end of the month whose deadline had passed.</param>
public sealed record PartnerMonth(DateOnly Month, string Organisation, int Opened, int Completed, int OnTime, int Late, int Expired, int OpenOverdue);

public sealed record FineMonth(DateOnly Month, int Count, decimal Amount);

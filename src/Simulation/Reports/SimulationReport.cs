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

using System.Globalization;
using System.Text;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Workflows.Oversight;

/// <summary>One line of the kwartaaloverleg's report: a partner (and, per step, a task type) over a period.</summary>
/// <param name="Opened">Tasks opened in the period.</param>
/// <param name="CompletedOnTime">Completed in the period on or before their due time (or without one).</param>
/// <param name="CompletedLate">Completed in the period after their due time.</param>
/// <param name="OpenOverdue">Still open at the end of the period (or now, if earlier) with the due time passed.</param>
public sealed record PartnerReportLine(string Organisation, string? TaskType, int Opened, int CompletedOnTime, int CompletedLate, int OpenOverdue)
{
    public double? ShareOnTime => CompletedOnTime + CompletedLate == 0 ? null : (double)CompletedOnTime / (CompletedOnTime + CompletedLate);
}

/// <summary>The report of a quarter: per partner, and per partner and step.</summary>
public sealed record PartnerReport(DateOnly From, DateOnly To, IReadOnlyList<PartnerReportLine> Partners, IReadOnlyList<PartnerReportLine> Steps)
{
    /// <summary>The quarter that contains <paramref name="day"/>: [first day, first day of the next quarter).</summary>
    public static (DateOnly From, DateOnly To) Quarter(DateOnly day)
    {
        var first = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
        return (first, first.AddMonths(3));
    }

    /// <summary><c>organisatie,stap,geopend,op_tijd,te_laat,open_over_termijn</c>; the partner totals have an empty step.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("organisatie,stap,geopend,op_tijd,te_laat,open_over_termijn\n");
        foreach (var line in Partners.Concat(Steps).OrderBy(l => l.Organisation, StringComparer.Ordinal).ThenBy(l => l.TaskType ?? "", StringComparer.Ordinal))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{line.Organisation},{line.TaskType},{line.Opened},{line.CompletedOnTime},{line.CompletedLate},{line.OpenOverdue}\n");
        }
        return csv.ToString();
    }
}

/// <summary>Builds the quarterly partner report from the task rows (seed §2.4: the kwartaaloverleg with partners).</summary>
public sealed class PartnerReports(IDbContextFactory<WorkflowsDbContext> dbFactory, TimeProvider time)
{
    public async Task<PartnerReport> BuildAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toUtc = to.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now < toUtc ? now : toUtc;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var opened = await db.Tasks.AsNoTracking().Where(t => t.CreatedAtUtc >= fromUtc && t.CreatedAtUtc < toUtc)
            .GroupBy(t => new { t.Organisation, t.TaskType }).Select(g => new { g.Key.Organisation, g.Key.TaskType, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var completed = await db.Tasks.AsNoTracking()
            .Where(t => t.Status == PartnerTaskStatus.Completed && t.ClosedAtUtc >= fromUtc && t.ClosedAtUtc < toUtc)
            .GroupBy(t => new { t.Organisation, t.TaskType, Late = t.DueAtUtc != null && t.ClosedAtUtc > t.DueAtUtc })
            .Select(g => new { g.Key.Organisation, g.Key.TaskType, g.Key.Late, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // Open at the cutoff and overdue then: opened before it, not closed before it, due before it.
        var overdue = await db.Tasks.AsNoTracking()
            .Where(t => t.CreatedAtUtc < cutoff && (t.ClosedAtUtc == null || t.ClosedAtUtc >= cutoff) && t.DueAtUtc != null && t.DueAtUtc < cutoff
                && (t.Status == PartnerTaskStatus.Open || t.Status == PartnerTaskStatus.Completed))
            .GroupBy(t => new { t.Organisation, t.TaskType }).Select(g => new { g.Key.Organisation, g.Key.TaskType, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var keys = opened.Select(o => (o.Organisation, o.TaskType))
            .Concat(completed.Select(c => (c.Organisation, c.TaskType)))
            .Concat(overdue.Select(o => (o.Organisation, o.TaskType)))
            .Distinct().ToList();
        var steps = keys.Select(k => new PartnerReportLine(k.Organisation, k.TaskType,
                opened.Where(o => o.Organisation == k.Organisation && o.TaskType == k.TaskType).Sum(o => o.Count),
                completed.Where(c => c.Organisation == k.Organisation && c.TaskType == k.TaskType && !c.Late).Sum(c => c.Count),
                completed.Where(c => c.Organisation == k.Organisation && c.TaskType == k.TaskType && c.Late).Sum(c => c.Count),
                overdue.Where(o => o.Organisation == k.Organisation && o.TaskType == k.TaskType).Sum(o => o.Count)))
            .OrderBy(l => l.Organisation, StringComparer.Ordinal).ThenBy(l => l.TaskType, StringComparer.Ordinal).ToList();
        var partners = steps.GroupBy(s => s.Organisation)
            .Select(g => new PartnerReportLine(g.Key, null, g.Sum(s => s.Opened), g.Sum(s => s.CompletedOnTime), g.Sum(s => s.CompletedLate), g.Sum(s => s.OpenOverdue)))
            .ToList();
        return new PartnerReport(from, to, partners, steps);
    }
}

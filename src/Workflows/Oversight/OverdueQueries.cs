using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Workflows.Oversight;

/// <summary>Which tasks the gemeente's dashboard lists.</summary>
/// <param name="Organisation">Only this partner.</param>
/// <param name="TaskType">Only this step (task type).</param>
/// <param name="Scope">Overdue now, due within the next <paramref name="DueWithinDays"/> days, or every open task.</param>
/// <param name="Sort">Column: <c>due</c> (default), <c>organisation</c>, <c>step</c>, <c>escalations</c>, <c>opened</c>.</param>
public sealed record OversightFilter(
    string? Organisation = null, string? TaskType = null, OversightScope Scope = OversightScope.Overdue, int DueWithinDays = 14,
    string Sort = "due", bool Descending = false, int Skip = 0, int Take = 50);

public enum OversightScope
{
    Overdue,
    DueSoon,
    Open,
}

/// <summary>One open task on the dashboard. <paramref name="DaysOverdue"/> is 0 when it is not (yet) overdue.</summary>
public sealed record OversightRow(
    Guid TaskId, Guid InstanceId, string KlantreisId, string TaskType, string Title, string Organisation, DateTime? DueAtUtc,
    int DaysOverdue, int Escalations, DateTime CreatedAtUtc);

/// <summary>The counts at the top of the dashboard.</summary>
/// <param name="ByDaysOverdue">Overdue tasks by how long: <c>1-7</c>, <c>8-30</c>, <c>31-90</c>, <c>&gt;90</c> days.</param>
public sealed record OversightSummary(
    int Overdue, int DueSoon, int Open,
    IReadOnlyList<CountBy> ByOrganisation, IReadOnlyList<CountBy> ByTaskType, IReadOnlyList<CountBy> ByDaysOverdue);

public sealed record CountBy(string Key, int Count);

/// <summary>
/// The gemeente's view of what is late: every question is "open tasks whose due time has passed", answered from the
/// (Status, DueAtUtc) index, so the answer stays quick with a million tasks (bench P4).
/// </summary>
public sealed class OverdueQueries(IDbContextFactory<WorkflowsDbContext> dbFactory, TimeProvider time)
{
    private static readonly (string Label, int FromDays, int? ToDays)[] Buckets = [("1-7", 0, 7), ("8-30", 7, 30), ("31-90", 30, 90), (">90", 90, null)];

    public async Task<OversightSummary> SummaryAsync(int dueWithinDays = 14, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var soon = now.AddDays(dueWithinDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = db.Tasks.AsNoTracking().Where(t => t.Status == PartnerTaskStatus.Open);
        var overdue = open.Where(t => t.DueAtUtc != null && t.DueAtUtc < now);
        var byOrganisation = await overdue.GroupBy(t => t.Organisation).Select(g => new CountBy(g.Key, g.Count())).ToListAsync(cancellationToken);
        var byType = await overdue.GroupBy(t => t.TaskType).Select(g => new CountBy(g.Key, g.Count())).ToListAsync(cancellationToken);
        var byDays = new List<CountBy>();
        foreach (var (label, fromDays, toDays) in Buckets)
        {
            // Overdue by more than fromDays (and at most toDays): due before now - fromDays (and on or after now - toDays).
            var dueBefore = now.AddDays(-fromDays);
            var bucket = overdue.Where(t => t.DueAtUtc < dueBefore);
            if (toDays is { } to)
            {
                var dueFrom = now.AddDays(-to);
                bucket = bucket.Where(t => t.DueAtUtc >= dueFrom);
            }
            byDays.Add(new CountBy(label, await bucket.CountAsync(cancellationToken)));
        }
        var dueSoon = await open.CountAsync(t => t.DueAtUtc != null && t.DueAtUtc >= now && t.DueAtUtc < soon, cancellationToken);
        var openCount = await open.CountAsync(cancellationToken);
        return new OversightSummary(
            byOrganisation.Sum(c => c.Count), dueSoon, openCount,
            byOrganisation.OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal).ToList(),
            byType.OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal).ToList(),
            byDays);
    }

    public async Task<(IReadOnlyList<OversightRow> Rows, int Total)> ListAsync(OversightFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Tasks.AsNoTracking().Where(t => t.Status == PartnerTaskStatus.Open);
        query = filter.Scope switch
        {
            OversightScope.Overdue => query.Where(t => t.DueAtUtc != null && t.DueAtUtc < now),
            OversightScope.DueSoon => query.Where(t => t.DueAtUtc != null && t.DueAtUtc >= now && t.DueAtUtc < now.AddDays(filter.DueWithinDays)),
            _ => query,
        };
        if (filter.Organisation is { } organisation)
        {
            query = query.Where(t => t.Organisation == organisation);
        }
        if (filter.TaskType is { } type)
        {
            query = query.Where(t => t.TaskType == type);
        }
        var total = await query.CountAsync(cancellationToken);
        query = (filter.Sort, filter.Descending) switch
        {
            ("organisation", false) => query.OrderBy(t => t.Organisation).ThenBy(t => t.DueAtUtc),
            ("organisation", true) => query.OrderByDescending(t => t.Organisation).ThenBy(t => t.DueAtUtc),
            ("step", false) => query.OrderBy(t => t.TaskType).ThenBy(t => t.DueAtUtc),
            ("step", true) => query.OrderByDescending(t => t.TaskType).ThenBy(t => t.DueAtUtc),
            ("escalations", false) => query.OrderBy(t => t.Escalations).ThenBy(t => t.DueAtUtc),
            ("escalations", true) => query.OrderByDescending(t => t.Escalations).ThenBy(t => t.DueAtUtc),
            ("opened", false) => query.OrderBy(t => t.CreatedAtUtc),
            ("opened", true) => query.OrderByDescending(t => t.CreatedAtUtc),
            (_, true) => query.OrderByDescending(t => t.DueAtUtc).ThenBy(t => t.Id),
            _ => query.OrderBy(t => t.DueAtUtc).ThenBy(t => t.Id),
        };
        var rows = await query.Skip(filter.Skip).Take(filter.Take)
            .Select(t => new { t.Id, t.InstanceId, t.KlantreisId, t.TaskType, t.Title, t.Organisation, t.DueAtUtc, t.Escalations, t.CreatedAtUtc })
            .ToListAsync(cancellationToken);
        return (rows.Select(t => new OversightRow(
            t.Id, t.InstanceId, t.KlantreisId, t.TaskType, t.Title, t.Organisation, t.DueAtUtc,
            t.DueAtUtc is { } due && due < now ? Math.Max(1, (int)Math.Ceiling((now - due).TotalDays)) : 0,
            t.Escalations, t.CreatedAtUtc)).ToList(), total);
    }
}

using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Workflows.Audit;

/// <summary>Who is acting, as the audit log records it.</summary>
public sealed record AuditActor(string Name, string? Role, string? Organisation);

/// <summary>What to list from the audit log; newest first.</summary>
public sealed record AuditFilter(string? Actor = null, string? Action = null, string? Subject = null, DateTime? FromUtc = null, DateTime? ToUtc = null, int Skip = 0, int Take = 100);

/// <summary>Writes and reads the audit log. A write is its own small transaction: the record stays even when what followed failed.</summary>
public sealed class AuditLog(IDbContextFactory<WorkflowsDbContext> dbFactory, TimeProvider time)
{
    public const int MaxSubject = 200;
    public const int MaxDetails = 500;

    public async Task RecordAsync(AuditActor actor, string action, string subject, string? details = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Audit.Add(new AuditRecord
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Actor = Bounded(actor.Name, 200)!,
            Role = Bounded(actor.Role, 100),
            Organisation = Bounded(actor.Organisation, 100),
            Action = Bounded(action, 100)!,
            Subject = Bounded(subject, MaxSubject)!,
            Details = Bounded(details, MaxDetails),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<(IReadOnlyList<AuditRecord> Items, int Total)> ListAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Audit.AsNoTracking();
        if (filter.Actor is { Length: > 0 } who)
        {
            query = query.Where(a => a.Actor == who);
        }
        if (filter.Action is { Length: > 0 } action)
        {
            query = query.Where(a => a.Action == action);
        }
        if (filter.Subject is { Length: > 0 } subject)
        {
            query = query.Where(a => a.Subject == subject);
        }
        if (filter.FromUtc is { } from)
        {
            query = query.Where(a => a.AtUtc >= from);
        }
        if (filter.ToUtc is { } to)
        {
            query = query.Where(a => a.AtUtc < to);
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.Id).Skip(filter.Skip).Take(filter.Take).ToListAsync(cancellationToken);
        return (items, total);
    }

    private static string? Bounded(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}

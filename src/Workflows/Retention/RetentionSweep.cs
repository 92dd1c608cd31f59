using Inburgering.Workflows.Audit;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inburgering.Workflows.Retention;

/// <summary>
/// Erases the klantreizen that ended by an End with <c>erase</c> (the end of the bewaartermijn): the request is part of
/// the burst that ended the instance, so it survives a crash, and this sweep does the erasing afterwards — the Host
/// runs it as a recurring job (<c>Retention:SweepCron</c>, hourly by default). Each erasure is in the audit log as done
/// by the werkstroom. The same sweep forgets the ids of inbound messages older than the duplicate-check window.
/// </summary>
public sealed class RetentionSweep(
    IDbContextFactory<WorkflowsDbContext> dbFactory, InstanceErasure erasure, IOptions<RetentionOptions> options, TimeProvider time)
{
    /// <summary>Who erased, in the audit log: the definition asked for it, no person did.</summary>
    public static readonly AuditActor Werkstroom = new("werkstroom", "systeem", null);

    private const int Batch = 100;

    /// <summary>
    /// Forgets the ids of inbound messages processed longer ago than <see cref="RetentionOptions.ProcessedMessagesFor"/>,
    /// so the duplicate check's table does not grow for ever; returns how many.
    /// </summary>
    public async Task<int> PruneProcessedMessagesAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = (time.GetUtcNow() - options.Value.ProcessedMessagesFor).UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ProcessedMessages.Where(m => m.ProcessedAtUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Erases every instance whose erasure was requested; returns how many.</summary>
    public async Task<int> EraseRequestedAsync(CancellationToken cancellationToken = default)
    {
        var erased = 0;
        while (true)
        {
            List<Guid> ids;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                ids = await db.Instances.AsNoTracking()
                    .Where(i => i.EraseRequestedAtUtc != null && i.Status == InstanceStatus.Completed)
                    .OrderBy(i => i.EraseRequestedAtUtc)
                    .Select(i => i.Id)
                    .Take(Batch)
                    .ToListAsync(cancellationToken);
            }
            foreach (var id in ids)
            {
                // Another Host's sweep may have erased it meanwhile: then this one finds nothing and moves on.
                if ((await erasure.EraseAsync(id, Werkstroom, "bewaartermijn verstreken (einde van de klantreis)", cancellationToken)).Kind == ErasureOutcomeKind.Erased)
                {
                    erased++;
                }
            }
            if (ids.Count < Batch)
            {
                return erased;
            }
        }
    }
}

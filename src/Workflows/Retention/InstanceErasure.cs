using Inburgering.Workflows.Audit;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Oversight;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Workflows.Retention;

/// <summary>
/// Erases what the engine holds of one finished klantreis (Besluit inburgering 2021 art. 9.9: delete five years after
/// the plicht ended, or on death; law.md §9): the instance with its variables, its journal, waits, timers, incidents,
/// kept events (also those kept under its key that no instance took), and its partner tasks with their outcomes and history — in one transaction, so nothing is half erased.
/// <para>
/// Only a finished instance (completed or cancelled): a running klantreis is cancelled first, so no burst can write to
/// it while it is erased. Left on purpose: the outbox rows (thin events with the pseudonymous id only, removed by the
/// dispatcher's own clean-up once sent) and the access audit log (who did what, kept for accountability); the erasure
/// itself is recorded there too (<c>klantreis.gewist</c>: who, the reason and what went — no personal data). The "core data up to 50 years" of art. 9.9 live in the gemeente's client system, not here.
/// </para>
/// </summary>
public sealed class InstanceErasure(IDbContextFactory<WorkflowsDbContext> dbFactory, KlantreisKpis kpis, AuditLog audit)
{
    /// <summary>Erases the instance and records who did it and why; <paramref name="reason"/> is checked for a BSN by the caller.</summary>
    public async Task<ErasureOutcome> EraseAsync(Guid instanceId, AuditActor actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var instance = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId)
            .Select(i => new { i.Status, i.DefinitionId, i.DefinitionVersion, i.CorrelationKey })
            .FirstOrDefaultAsync(cancellationToken);
        if (instance is null)
        {
            return ErasureOutcome.NotFound();
        }
        if (instance.Status is not (InstanceStatus.Completed or InstanceStatus.Cancelled))
        {
            return ErasureOutcome.NotFinished(instance.Status);
        }
        var taskIds = db.Tasks.Where(t => t.InstanceId == instanceId).Select(t => t.Id);
        var taskHistory = await db.TaskAudit.Where(a => taskIds.Contains(a.TaskId)).ExecuteDeleteAsync(cancellationToken);
        var tasks = await db.Tasks.Where(t => t.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
        var journal = await db.Journal.Where(j => j.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
        var other = await db.Waits.Where(w => w.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken)
            + await db.Timers.Where(t => t.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken)
            + await db.Incidents.Where(i => i.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken)
            + await db.PendingEvents.Where(p => p.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken)
            + await KeptForKeyAloneAsync(db, instanceId, instance.CorrelationKey, cancellationToken);
        // The status is part of the condition: a finished instance never changes status, but if that ever broke, this
        // erases nothing rather than a klantreis that runs again.
        var erased = await db.Instances
            .Where(i => i.Id == instanceId && (i.Status == InstanceStatus.Completed || i.Status == InstanceStatus.Cancelled))
            .ExecuteDeleteAsync(cancellationToken);
        if (erased == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return ErasureOutcome.NotFound();
        }
        await transaction.CommitAsync(cancellationToken);
        if (tasks > 0)
        {
            kpis.ForgetSettledTallies(); // the indicators of past months counted these tasks
        }
        var records = new ErasedRecords(instance.DefinitionId, instance.DefinitionVersion, tasks, taskHistory, journal, other);
        // After the commit, whatever the caller's token says: the erasure happened and must not go unrecorded.
        await audit.RecordAsync(actor, "klantreis.gewist", instanceId.ToString(), records.AuditDetails(reason.Trim()), CancellationToken.None);
        return ErasureOutcome.Erased(records);
    }

    /// <summary>
    /// Events kept under the klantreis's correlation key that no instance took (e.g. one that came after it ended): they
    /// may carry its data. Left alone while another instance has the same key, for which they may still be meant.
    /// </summary>
    private static async Task<int> KeptForKeyAloneAsync(WorkflowsDbContext db, Guid instanceId, string? key, CancellationToken cancellationToken)
    {
        if (key is null || await db.Instances.AnyAsync(i => i.CorrelationKey == key && i.Id != instanceId, cancellationToken))
        {
            return 0;
        }
        return await db.PendingEvents.Where(p => p.InstanceId == null && p.CorrelationKey == key).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>What was erased: counts only, so it can go into the audit log.</summary>
public sealed record ErasedRecords(string DefinitionId, int DefinitionVersion, int Tasks, int TaskHistory, int JournalEntries, int OtherRows)
{
    /// <summary>The audit log's line for the erasure: the reason and what went, no personal data.</summary>
    internal string AuditDetails(string reason) => $"{reason} ({DefinitionId} v{DefinitionVersion}: {Tasks} taken, {JournalEntries} journaalregels)";
}

public sealed record ErasureOutcome(ErasureOutcomeKind Kind, InstanceStatus? Status, ErasedRecords? Records)
{
    public static ErasureOutcome Erased(ErasedRecords records) => new(ErasureOutcomeKind.Erased, null, records);

    public static ErasureOutcome NotFound() => new(ErasureOutcomeKind.NotFound, null, null);

    public static ErasureOutcome NotFinished(InstanceStatus status) => new(ErasureOutcomeKind.NotFinished, status, null);
}

public enum ErasureOutcomeKind
{
    Erased,
    NotFound,
    NotFinished,
}

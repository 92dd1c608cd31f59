using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Outbox;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inburgering.Workflows.Stores.Ef;

/// <summary>
/// The store on the engine's database (PostgreSQL or SQLite) through EF Core: a unit of work is a pooled
/// <see cref="WorkflowsDbContext"/>, its commit one <c>SaveChanges</c> (or, for units that only start instances, one
/// batch of inserts: <see cref="InsertOnlyCommit"/>). What the Host runs on; it behaves as the engine did before the
/// stores were split out, except that a commit that fails for another reason than a race is no longer retried.
/// </summary>
public sealed class EfWorkflowStore(
    IDbContextFactory<WorkflowsDbContext> dbFactory, ResolvedDatabase database, OutboxSignal outboxSignal, ILogger<EfWorkflowStore> logger) : IWorkflowStore
{
    private readonly KeptEventsGuard _guard = new(logger);

    public async Task<IStoreSession> OpenAsync(CancellationToken cancellationToken = default) =>
        new EfStoreSession(await dbFactory.CreateDbContextAsync(cancellationToken), startsOnly: false);

    private Microsoft.EntityFrameworkCore.Metadata.IModel? _model;

    /// <summary>On PostgreSQL a start unit needs no EF context at all (<see cref="NpgsqlStartSession"/>).</summary>
    public async Task<IStoreSession> OpenForStartsAsync(CancellationToken cancellationToken = default)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return new EfStoreSession(await dbFactory.CreateDbContextAsync(cancellationToken), startsOnly: true);
        }
        if (_model is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            _model = db.Model;
        }
        return new NpgsqlStartSession(dbFactory, _model, database.ConnectionString, outboxSignal, _guard);
    }

    public async Task<DateTime?> NextTimerDueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Timers.OrderBy(t => t.DueAtUtc).Select(t => (DateTime?)t.DueAtUtc).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>On PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so several Hosts take disjoint batches.</summary>
    public async Task<List<ClaimedTimer>> ClaimDueTimersAsync(DateTime nowUtc, DateTime claimUntilUtc, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.SqlQuery<ClaimedTimer>(ClaimSql.For(database.Provider, """
            UPDATE workflow_timers SET "ClaimedUntilUtc" = {0}
            WHERE "Id" IN (SELECT "Id" FROM workflow_timers
                           WHERE "DueAtUtc" <= {1} AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {1})
                           ORDER BY "DueAtUtc" LIMIT {2}{skipLocked})
            RETURNING "Id", "InstanceId", "DueAtUtc", "CreatedAtUtc"
            """, claimUntilUtc, nowUtc, limit)).ToListAsync(cancellationToken);
    }
}

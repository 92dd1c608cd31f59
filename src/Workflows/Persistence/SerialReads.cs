using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Inburgering.Workflows.Persistence;

/// <summary>
/// A read that PostgreSQL should run in one process. For a count over a partial index of ≈ 100,000 entries, starting
/// parallel workers costs about as much as it saves, and on a busy machine (the workers compete with everything else)
/// it makes the time swing: bench P4 measured the dashboard summary at p50/p95 38/75 ms in parallel against 53/56 ms
/// serial. The setting is local to a transaction the caller disposes (no write happens in it); other providers get none.
/// </summary>
internal static class SerialReads
{
    public static async Task<IDbContextTransaction?> BeginSerialReadAsync(this WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return null;
        }
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0", cancellationToken);
        return transaction;
    }
}

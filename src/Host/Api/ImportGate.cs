using System.Collections.Concurrent;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Host.Api;

/// <summary>
/// One bulk import per definition at a time, so two sends of the same file (a double click, a client retrying after a
/// gateway timeout) cannot both find a klantreis missing and both start it. On PostgreSQL a session advisory lock on the
/// request's connection, so Hosts behind a load balancer exclude each other too; on the embedded SQLite (one Host) a
/// semaphore per definition. Never waits: a second import is told to come back (409).
/// </summary>
internal sealed class ImportGate : IAsyncDisposable
{
    /// <summary>The advisory lock's first key, so these locks cannot collide with anyone else's.</summary>
    private const int LockSpace = 0x696d70; // "imp"

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Local = new(StringComparer.Ordinal);

    private readonly Func<ValueTask> _release;

    private ImportGate(Func<ValueTask> release) => _release = release;

    /// <summary>The gate for <paramref name="definitionId"/>, or null when another import of it holds it.</summary>
    public static async Task<ImportGate?> TryEnterAsync(WorkflowsDbContext db, string definitionId, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            var semaphore = Local.GetOrAdd(definitionId, _ => new SemaphoreSlim(1, 1));
            return await semaphore.WaitAsync(0, cancellationToken) ? new ImportGate(() => { semaphore.Release(); return ValueTask.CompletedTask; }) : null;
        }
        // The connection stays open for the whole import: the lock belongs to its session.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var taken = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_lock({LockSpace}, hashtext({definitionId})) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!taken)
        {
            await db.Database.CloseConnectionAsync();
            return null;
        }
        return new ImportGate(async () =>
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockSpace}, hashtext({definitionId}))");
            await db.Database.CloseConnectionAsync();
        });
    }

    public ValueTask DisposeAsync() => _release();
}

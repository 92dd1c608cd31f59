using Microsoft.EntityFrameworkCore;

namespace Inburgering.Workflows.Persistence;

/// <summary>
/// Brings the database schema up to date at start-up. SQLite (embedded default) also switches to WAL so readers
/// (dashboard, API) do not block the burst writer.
/// </summary>
public sealed class DatabaseInitializer(IDbContextFactory<WorkflowsDbContext> factory, ResolvedDatabase database)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.EnsureCreatedAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}

using Microsoft.EntityFrameworkCore;

namespace Inburgering.Workflows.Persistence;

/// <summary>
/// Brings the database schema up to date at start-up. PostgreSQL runs the EF migrations (EF takes a migration lock,
/// so several Hosts starting together is safe); the embedded SQLite file is created from the model and switched to
/// WAL so readers (dashboard, API) do not block the burst writer.
/// </summary>
public sealed class DatabaseInitializer(IDbContextFactory<WorkflowsDbContext> factory, ResolvedDatabase database)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }
        await db.Database.EnsureCreatedAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}

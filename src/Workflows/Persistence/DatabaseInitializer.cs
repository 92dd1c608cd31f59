using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inburgering.Workflows.Persistence;

/// <summary>
/// Brings the database schema up to date at start-up. PostgreSQL runs the EF migrations (EF takes a migration lock,
/// so several Hosts starting together is safe); the embedded SQLite file is created from the model and switched to
/// WAL so readers (dashboard, API) do not block the burst writer.
/// </summary>
public sealed class DatabaseInitializer(IDbContextFactory<WorkflowsDbContext> factory, ResolvedDatabase database, ILogger<DatabaseInitializer>? logger = null)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }
        // The embedded default has no migrations: its schema is the model's. The model's fingerprint is kept in SQLite's
        // user_version, so a file made by an older build (missing a newer table) is noticed and made again instead of
        // failing on the first query. It is a demonstration database; production runs PostgreSQL with migrations.
        var fingerprint = Fingerprint(db.Database.GenerateCreateScript());
        var created = await db.Database.EnsureCreatedAsync(cancellationToken);
        if (!created && await UserVersionAsync(db, cancellationToken) != fingerprint)
        {
            (logger ?? NullLogger<DatabaseInitializer>.Instance).LogWarning(
                "The embedded SQLite database was made by another version of the engine; it is deleted and made again.");
            await db.Database.EnsureDeletedAsync(cancellationToken);
            await db.Database.EnsureCreatedAsync(cancellationToken);
        }
        // PRAGMA takes no parameters; the value is our own integer.
        var setVersion = "PRAGMA user_version = " + fingerprint.ToString(CultureInfo.InvariantCulture) + ";";
        await db.Database.ExecuteSqlRawAsync(setVersion, cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>A positive 31-bit hash of the schema script (user_version is a signed 32-bit integer).</summary>
    private static int Fingerprint(string createScript) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(createScript)), 0) & 0x7FFF_FFFF;

    private static async Task<int> UserVersionAsync(WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version;";
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

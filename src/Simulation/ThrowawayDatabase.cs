using Inburgering.Workflows.Persistence;
using Microsoft.Data.Sqlite;

namespace Inburgering.Simulation;

/// <summary>
/// The private database of one simulation or try-out: an in-memory SQLite database of its own (a unique name, shared
/// cache so every pooled connection of the engine sees the same database), alive as long as this object holds its one
/// connection open. Why memory and not a file: the run is thrown away afterwards, so a durable file buys nothing, and
/// writing it cost a quarter of the run (600 klantreizen: 48 → 35 s, docs/performance.md P5). A run needs no folder
/// and leaves nothing behind, also when the process dies.
/// </summary>
public sealed class ThrowawayDatabase : IDisposable
{
    private readonly SqliteConnection _keepAlive;

    public ThrowawayDatabase(string purpose)
    {
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = $"{purpose}-{Guid.NewGuid():N}",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
        }.ToString();
        _keepAlive = new SqliteConnection(ConnectionString);
        try
        {
            _keepAlive.Open();
        }
        catch
        {
            _keepAlive.Dispose();
            throw;
        }
    }

    public string ConnectionString { get; }

    public DatabaseOptions Options => new() { Provider = DatabaseProvider.Sqlite, ConnectionString = ConnectionString };

    /// <summary>
    /// Frees the database. Microsoft.Data.Sqlite does not pool connections to a memory database, so once the engine's
    /// own connections are closed (dispose the engine first) this one is the last.
    /// </summary>
    public void Dispose() => _keepAlive.Dispose();
}

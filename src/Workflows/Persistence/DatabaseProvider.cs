namespace Inburgering.Workflows.Persistence;

/// <summary>The two databases the engine runs on: SQLite for the embedded default, PostgreSQL in production.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

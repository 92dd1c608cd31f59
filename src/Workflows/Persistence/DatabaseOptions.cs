using System.ComponentModel.DataAnnotations;

namespace Inburgering.Workflows.Persistence;

/// <summary>
/// Which database the engine uses. Bound from the <c>Database</c> configuration section
/// (environment: <c>Database__Provider</c>, <c>Database__ConnectionString</c>).
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Sqlite (embedded default) or Postgres.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. For SQLite a relative <c>Data Source</c> is resolved against the Host's content root,
    /// so <c>dotnet run</c> from any folder uses the same file.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "Data Source=App_Data/inburgering.db";

    /// <summary>
    /// PostgreSQL: let Npgsql prepare the engine's repeated statements (adds <c>Max Auto Prepare=32</c> unless the
    /// connection string sets it). Default true; set false behind a pooler that cannot keep prepared statements
    /// (PgBouncer before 1.21 in transaction mode). Ignored for SQLite.
    /// </summary>
    public bool PreparedStatements { get; set; } = true;
}

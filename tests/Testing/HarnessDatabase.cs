namespace Inburgering.Testing;

/// <summary>Which real database a harness runs on; integration tests run the same definitions on both.</summary>
public enum HarnessDatabase
{
    Sqlite,
    Postgres,
}

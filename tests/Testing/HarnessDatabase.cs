using Xunit;

namespace Inburgering.Testing;

/// <summary>Which real database a harness runs on; integration tests run the same definitions on both.</summary>
public enum HarnessDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>Theory data for tests that must hold on both databases.</summary>
public static class HarnessDatabases
{
    public static TheoryData<HarnessDatabase> Both => [HarnessDatabase.Sqlite, HarnessDatabase.Postgres];
}

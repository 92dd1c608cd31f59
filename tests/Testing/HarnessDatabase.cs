using Xunit;

namespace Inburgering.Testing;

/// <summary>Which store a harness runs instances on; integration tests run the same definitions on each.</summary>
public enum HarnessDatabase
{
    Sqlite,
    Postgres,

    /// <summary>The engine's own store in memory (definitions in a SQLite file, as a simulation keeps them).</summary>
    Memory,
}

/// <summary>Theory data for tests that must hold on both databases.</summary>
public static class HarnessDatabases
{
    public static TheoryData<HarnessDatabase> Both => [HarnessDatabase.Sqlite, HarnessDatabase.Postgres];

    /// <summary>Both databases and the memory store: for tests that look at instances through the harness only.</summary>
    public static TheoryData<HarnessDatabase> AllStores => [HarnessDatabase.Sqlite, HarnessDatabase.Postgres, HarnessDatabase.Memory];
}

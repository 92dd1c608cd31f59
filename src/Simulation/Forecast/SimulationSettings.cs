using Inburgering.Workflows.Persistence;

namespace Inburgering.Simulation.Forecast;

/// <summary>
/// What to simulate: how many people arrive per year (by default the Noordwijk forecast of the 2021 policy plan: 41
/// statushouders and 20 gezinsmigranten a year), for how many years, from which day, and how long fake time runs on.
/// </summary>
public sealed record SimulationSettings
{
    public int StatushoudersPerYear { get; init; } = 41;

    public int GezinsmigrantenPerYear { get; init; } = 20;

    /// <summary>Years over which people arrive (koppeling for statushouders, kennisgeving for gezinsmigranten).</summary>
    public int ArrivalYears { get; init; } = 1;

    /// <summary>How long fake time runs from <see cref="Start"/>; default: the arrival years plus four (PIP, 3-year termijn, DUO's outcome).</summary>
    public int? HorizonMonths { get; init; }

    public DateOnly Start { get; init; } = new(2027, 1, 4);

    public int Seed { get; init; } = 2021;

    /// <summary>
    /// How many instances are worked on at once within one simulated day; default by database (<see cref="ParallelismOn"/>).
    /// </summary>
    public int? Parallelism { get; init; }

    /// <summary>
    /// The parallelism on <paramref name="provider"/>: the one set, or 1 on SQLite and 8 on PostgreSQL. SQLite takes one
    /// writer at a time, so parallel bursts only wait for its lock and back off: the default forecast (61 klantreizen,
    /// 60 months) took 55.7 s at 8 and 24.8 s at 1, with the same results. PostgreSQL commits in parallel.
    /// </summary>
    public int ParallelismOn(DatabaseProvider provider) => Parallelism ?? (provider == DatabaseProvider.Sqlite ? 1 : 8);

    /// <summary>In the memory store: the one set, or 1 — a burst there never waits for I/O, so parallel ones only take turns.</summary>
    public int ParallelismInMemory => Parallelism ?? 1;

    /// <summary>
    /// How many engines share the people (every n-th person each, on a throwaway database of its own), running at the
    /// same time: a large forecast then uses more than one core. 1 by default. The figures are repeatable for a given
    /// number, but not equal between numbers: each shard draws its partners' answers from its own sequence.
    /// </summary>
    public int Shards { get; init; } = 1;

    /// <summary>
    /// Where the simulated instances live when no database is named: in the engine's own memory store (default, the
    /// fastest), or in the throwaway SQLite database that also holds the definition (as before 2026-12-06, for comparison).
    /// </summary>
    public SimulationStore Store { get; init; } = SimulationStore.Memory;

    public int Months => HorizonMonths ?? (ArrivalYears + 4) * 12;

    public int People => (StatushoudersPerYear + GezinsmigrantenPerYear) * ArrivalYears;

    /// <summary>Every setting that is out of range, by its (camelCase) name; empty when all are fine.</summary>
    public IReadOnlyList<(string Field, string Message)> Validate()
    {
        var errors = new List<(string, string)>();
        if (StatushoudersPerYear < 0)
        {
            errors.Add(("statushoudersPerYear", "Must be 0 or more."));
        }
        if (GezinsmigrantenPerYear < 0)
        {
            errors.Add(("gezinsmigrantenPerYear", "Must be 0 or more."));
        }
        if (StatushoudersPerYear >= 0 && GezinsmigrantenPerYear >= 0 && People == 0)
        {
            errors.Add(("statushoudersPerYear", "Nobody arrives: statushoudersPerYear and gezinsmigrantenPerYear are both 0."));
        }
        if (ArrivalYears is < 1 or > 10)
        {
            errors.Add(("arrivalYears", "Must be between 1 and 10."));
        }
        if (Months is < 1 or > 240)
        {
            errors.Add(("horizonMonths", "Must be between 1 and 240."));
        }
        if (Parallelism is < 1 or > 64)
        {
            errors.Add(("parallelism", "Must be between 1 and 64."));
        }
        if (Shards is < 1 or > 64)
        {
            errors.Add(("shards", "Must be between 1 and 64."));
        }
        if (!Enum.IsDefined(Store))
        {
            errors.Add(("store", "Must be Memory or Database."));
        }
        return errors;
    }
}

/// <summary>Where a simulation keeps its instances (see <see cref="SimulationSettings.Store"/>).</summary>
public enum SimulationStore
{
    /// <summary>The engine's own store in memory (<c>MemoryWorkflowStore</c>).</summary>
    Memory,

    /// <summary>The simulation's database: a throwaway SQLite database in memory, or the one named.</summary>
    Database,
}

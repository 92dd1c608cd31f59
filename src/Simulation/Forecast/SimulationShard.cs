namespace Inburgering.Simulation.Forecast;

/// <summary>
/// Which part of a forecast one engine runs: of the people generated for the whole forecast, those whose position modulo
/// <see cref="Count"/> is <see cref="Index"/>. Klantreizen never touch each other, so the parts can run on engines of
/// their own at the same time and their reports add up (<see cref="Reports.SimulationReport.Combine"/>).
/// </summary>
public sealed record SimulationShard(int Index, int Count)
{
    public static readonly SimulationShard Whole = new(0, 1);

    public IReadOnlyList<Person> Take(IReadOnlyList<Person> everyone) =>
        Count == 1 ? everyone : everyone.Where((_, i) => i % Count == Index).ToList();
}

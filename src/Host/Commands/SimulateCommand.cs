using System.Globalization;
using Inburgering.Simulation;
using Inburgering.Simulation.Forecast;
using Inburgering.Workflows.Persistence;

namespace Inburgering.Host.Commands;

/// <summary>
/// <c>dotnet run --project src/Host -- simulate [--statushouders 41] [--gezinsmigranten 20] [--jaren 1]
/// [--horizon-maanden N] [--seed 2021] [--uit simulatie] [--postgres "Host=…"]</c>: runs the forecast through
/// <c>workflows/klantreis-inburgering.json</c> in fake time on a private database (a throwaway SQLite file unless
/// <c>--postgres</c> names an empty database) and writes <c>taken.csv</c> and <c>boetes.csv</c>.
/// </summary>
internal static class SimulateCommand
{
    public const string Name = "simulate";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        if (!TryParse(args, out var settings, out var outFolder, out var postgres, out var error))
        {
            await output.WriteLineAsync(error);
            await output.WriteLineAsync("usage: simulate [--statushouders 41] [--gezinsmigranten 20] [--jaren 1] [--horizon-maanden N] [--seed 2021] [--uit simulatie] [--postgres \"Host=…\"]");
            return 2;
        }
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            foreach (var (field, message) in problems)
            {
                await output.WriteLineAsync($"{field}: {message}");
            }
            return 2;
        }
        var definition = Locate(Path.Combine("workflows", KlantreisSimulation.DefinitionId + ".json"));
        var work = Directory.CreateTempSubdirectory("inburgering-sim-");
        try
        {
            var database = postgres is null
                ? new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(work.FullName, "sim.db")}" }
                : new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = postgres };
            var clock = new SimulationClock(new DateTimeOffset(settings.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            await using var services = await SimulationEngine.BuildAsync(database, work.FullName, clock);
            await output.WriteLineAsync($"{settings.People} klantreizen over {settings.Months} maanden vanaf {settings.Start:yyyy-MM-dd} ({definition})");
            var report = await new KlantreisSimulation(services, clock).RunAsync(settings, await File.ReadAllTextAsync(definition));
            Directory.CreateDirectory(outFolder);
            await File.WriteAllTextAsync(Path.Combine(outFolder, "taken.csv"), report.TasksCsv());
            await File.WriteAllTextAsync(Path.Combine(outFolder, "boetes.csv"), report.FinesCsv());
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{report.Instances} klantreizen, {report.Bursts} bursts, {report.TaskCount} taken; termijnen gehaald {report.DeadlinesMet}, gemist {report.DeadlinesMissed}; {report.Fines.Sum(f => f.Count)} boetes, € {report.Fines.Sum(f => f.Amount)}; {report.Elapsed.TotalSeconds:F1} s (timers {report.TimersTime.TotalSeconds:F1} s, gebeurtenissen en taken {report.ActionsTime.TotalSeconds:F1} s, nieuwe taken zoeken {report.ScanTime.TotalSeconds:F1} s)"));
            await output.WriteLineAsync($"geschreven: {Path.Combine(outFolder, "taken.csv")}, {Path.Combine(outFolder, "boetes.csv")}");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    private static bool TryParse(IReadOnlyList<string> args, out SimulationSettings settings, out string outFolder, out string? postgres, out string error)
    {
        settings = new SimulationSettings();
        outFolder = "simulatie";
        postgres = null;
        error = "";
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                error = $"'{args[i]}' needs a value.";
                return false;
            }
            var (name, value) = (args[i], args[i + 1]);
            int Number() => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"'{name}' needs a whole number, not '{value}'.");
            try
            {
                switch (name)
                {
                    case "--statushouders": settings = settings with { StatushoudersPerYear = Number() }; break;
                    case "--gezinsmigranten": settings = settings with { GezinsmigrantenPerYear = Number() }; break;
                    case "--jaren": settings = settings with { ArrivalYears = Number() }; break;
                    case "--horizon-maanden": settings = settings with { HorizonMonths = Number() }; break;
                    case "--seed": settings = settings with { Seed = Number() }; break;
                    case "--parallel": settings = settings with { Parallelism = Number() }; break;
                    case "--uit": outFolder = value; break;
                    case "--postgres": postgres = value; break;
                    default:
                        error = $"Unknown option '{name}'.";
                        return false;
                }
            }
            catch (FormatException ex)
            {
                error = ex.Message;
                return false;
            }
        }
        return true;
    }

    // Run from the repository, from src/Host (dotnet run) or beside the app: the definition is found in each case.
    private static string Locate(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new FileNotFoundException($"{relative} was not found from {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}.");
    }
}

using System.Globalization;
using Inburgering.Simulation;
using Inburgering.Simulation.Forecast;
using Inburgering.Workflows.Persistence;

namespace Inburgering.Host.Commands;

/// <summary>
/// <c>dotnet run --project src/Host -- simulate [--statushouders 41] [--gezinsmigranten 20] [--jaren 1]
/// [--horizon-maanden N] [--seed 2021] [--delen 1] [--opslag geheugen] [--uit simulatie] [--postgres "Host=…"]</c>: runs the
/// forecast through <c>workflows/klantreis-inburgering.json</c> in fake time on a private engine (its instances in the
/// engine's memory store, or with <c>--opslag database</c> in a throwaway SQLite database in memory; <c>--postgres</c> names an
/// empty database to keep the rows) and writes <c>taken.csv</c> and <c>boetes.csv</c>. <c>--delen N</c> splits the people
/// over N engines that run at the same time (one per core is about right for a large forecast).
/// </summary>
internal static class SimulateCommand
{
    public const string Name = "simulate";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        if (!TryParse(args, out var settings, out var outFolder, out var postgres, out var error))
        {
            await output.WriteLineAsync(error);
            await output.WriteLineAsync("usage: simulate [--statushouders 41] [--gezinsmigranten 20] [--jaren 1] [--horizon-maanden N] [--seed 2021] [--delen 1] [--opslag geheugen|database] [--uit simulatie] [--postgres \"Host=…\"]");
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
        var relative = Path.Combine("workflows", KlantreisSimulation.DefinitionId + ".json");
        if (CommandFiles.Find(relative) is not { } definition)
        {
            await output.WriteLineAsync($"{relative} was not found from {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}.");
            return 2;
        }
        if (postgres is not null && settings.Shards > 1)
        {
            await output.WriteLineAsync("--delen: a run on --postgres is one part; parts each take a database of their own in memory.");
            return 2;
        }
        var database = postgres is null ? null : new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = postgres };
        await output.WriteLineAsync($"{settings.People} klantreizen over {settings.Months} maanden vanaf {settings.Start:yyyy-MM-dd} ({definition})");
        var report = await SimulationEngine.RunAsync(settings, await File.ReadAllTextAsync(definition), database);
        Directory.CreateDirectory(outFolder);
        await File.WriteAllTextAsync(Path.Combine(outFolder, "taken.csv"), report.TasksCsv());
        await File.WriteAllTextAsync(Path.Combine(outFolder, "boetes.csv"), report.FinesCsv());
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{report.Instances} klantreizen, {report.Bursts} bursts, {report.TaskCount} taken; termijnen gehaald {report.DeadlinesMet}, gemist {report.DeadlinesMissed}; {report.Fines.Sum(f => f.Count)} boetes, € {report.Fines.Sum(f => f.Amount)}; {report.Elapsed.TotalSeconds:F1} s (timers {report.TimersTime.TotalSeconds:F1} s, gebeurtenissen en taken {report.ActionsTime.TotalSeconds:F1} s, nieuwe taken zoeken {report.ScanTime.TotalSeconds:F1} s)"));
        await output.WriteLineAsync($"geschreven: {Path.Combine(outFolder, "taken.csv")}, {Path.Combine(outFolder, "boetes.csv")}");
        return 0;
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
                    case "--delen": settings = settings with { Shards = Number() }; break;
                    case "--uit": outFolder = value; break;
                    case "--postgres": postgres = value; break;
                    case "--opslag":
                        settings = settings with
                        {
                            Store = value switch
                            {
                                "geheugen" => SimulationStore.Memory,
                                "database" => SimulationStore.Database,
                                _ => throw new FormatException($"'--opslag' is 'geheugen' or 'database', not '{value}'."),
                            },
                        };
                        break;
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
}

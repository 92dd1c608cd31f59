using System.Globalization;

namespace Inburgering.Bench;

/// <summary>Command line: <c>[p1|p2|p2b|p3|p5|p7|p8|all] --cs "Host=…;Database=postgres" [--c 1,4,8] [--starts 3000] …</c>.</summary>
internal sealed class BenchOptions
{
    public string Which { get; private set; } = "all";

    /// <summary>Connection string of the maintenance database; the bench creates (and drops) its own databases beside it.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Concurrency levels for P1; the first one that equals 4 is the one the goal is judged on.</summary>
    public IReadOnlyList<int> Concurrency { get; private set; } = [4, 1, 8];

    public int Starts { get; private set; } = 3_000;

    public int Warmup { get; private set; } = 300;

    /// <summary>
    /// P1's floor: how many of the start's journal rows it writes (null: all, as the engine does). Fewer shows what a
    /// journal of one row per burst would leave of the floor.
    /// </summary>
    public int? FloorJournalRows { get; private set; }

    public int Resumes { get; private set; } = 2_000;

    public int ResumeWarmup { get; private set; } = 200;

    public int BulkInstances { get; private set; } = 100_000;

    public int Versions { get; private set; } = 50;

    public int StormTimers { get; private set; } = 10_000;

    public int BaselineJobs { get; private set; } = 10_000;

    /// <summary>Seconds after the due moment before the baseline is given up (and reported as a lower bound).</summary>
    public int BaselineTimeout { get; private set; } = 420;

    public int StormTimeout { get; private set; } = 300;

    public int IsolatedTimers { get; private set; } = 40;

    public int IsolatedSpacing { get; private set; } = 3;

    public bool ShowSql { get; private set; } = true;

    /// <summary>P8: the RabbitMQ broker (bench/run.sh p8 starts a throwaway one and passes it).</summary>
    public Uri? RabbitMqUri { get; private set; }

    /// <summary>P8: offered messages (starts, and baseline publishes) per second.</summary>
    public double P8Rate { get; private set; } = 1_000;

    /// <summary>P8: seconds per side per round, after <see cref="P8Warmup"/> seconds of warm-up per side.</summary>
    public int P8Seconds { get; private set; } = 10;

    public int P8Rounds { get; private set; } = 2;

    public int P8Warmup { get; private set; } = 3;

    /// <summary>P8: operations in flight at most; beyond it the pacer falls behind (reported as lag).</summary>
    public int P8InFlight { get; private set; } = 32;

    /// <summary>P8: overrides <c>Outbox:Parallelism</c> (publishes at once) for an experiment; null = the engine's default.</summary>
    public int? P8OutboxParallelism { get; private set; }
    /// <summary>P5: klantreizen to simulate (arriving over 3 years).</summary>
    public int P5People { get; private set; } = 10_000;

    /// <summary>P5: months of fake time.</summary>
    public int P5Months { get; private set; } = 36;

    /// <summary>P5: instances worked on at once within a simulated day; null = the simulation's default for the store.</summary>
    public int? P5Parallelism { get; private set; }

    /// <summary>
    /// P5: where the simulation keeps its instances — "memory" (what <c>simulate</c> and the API use: the engine's memory
    /// store), "sqlite" (a throwaway SQLite database in memory, the default before the memory store) or "postgres" (the
    /// bench's PostgreSQL, durable).
    /// </summary>
    public string P5Store { get; private set; } = "memory";

    /// <summary>P5, in memory: engines that share the people and run at the same time (SimulationSettings.Shards); default one per core.</summary>
    public int P5Shards { get; private set; } = Math.Min(Environment.ProcessorCount, 64);

    /// <summary>P7: warm rounds (each opens the klantreis, the 3-activity designer and the definitions page), after one cold round.</summary>
    public int P7Rounds { get; private set; } = 10;

    /// <summary>P7: tabs with the designer open on the klantreis for the memory figure.</summary>
    public int P7Tabs { get; private set; } = 5;

    /// <summary>P7: the Host to start (default: src/Host/bin/Release/net10.0/Inburgering.Host.dll, built with the bench).</summary>
    public string? P7Host { get; private set; }

    /// <summary>P7: also save the documentation's screenshots into this folder (e.g. docs/images).</summary>
    public string? Screenshots { get; private set; }

    /// <summary>P7 needs no PostgreSQL; every other benchmark does.</summary>
    public bool NeedsPostgres => Which != "p7";

    /// <summary>P4: klantreizen (instances) to load.</summary>
    public int P4Instances { get; private set; } = 100_000;

    /// <summary>P4: partner tasks per klantreis (10 × 100,000 = the 1,000,000 of the brief).</summary>
    public int P4TasksPerInstance { get; private set; } = 10;

    /// <summary>P4: measured rounds (each runs every query once).</summary>
    public int P4Runs { get; private set; } = 50;

    public int P4Warmup { get; private set; } = 5;

    /// <summary>P4: measured rounds of the dashboard page over HTTP (each requests every page once); 0 = skip the page.</summary>
    public int P4PageRuns { get; private set; } = 30;

    public int P4PageWarmup { get; private set; } = 3;

    /// <summary>Engine settings other than the defaults (<c>--set Engine:StartGroupParallelism=1</c>), to compare tunings.</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Npgsql connection-string settings for the engine and the baseline, e.g. <c>Max Auto Prepare=32</c>.</summary>
    public string EngineConnectionSettings { get; private set; } = "";

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "p1" or "p2" or "p2b" or "p3" or "p4" or "p5" or "p7" or "p8" or "all":
                    o.Which = args[i];
                    break;
                case "--p5-people":
                    o.P5People = NextInt();
                    break;
                case "--p5-months":
                    o.P5Months = NextInt();
                    break;
                case "--p5-parallel":
                    o.P5Parallelism = NextInt();
                    break;
                case "--p5-shards":
                    o.P5Shards = NextInt();
                    break;
                case "--p5-store":
                    o.P5Store = Next() switch
                    {
                        "memory" => "memory",
                        "sqlite" => "sqlite",
                        "postgres" => "postgres",
                        var other => throw new ArgumentException($"--p5-store is memory, sqlite or postgres, not '{other}'."),
                    };
                    break;
                case "--p7-rounds":
                    o.P7Rounds = NextInt();
                    break;
                case "--p7-tabs":
                    o.P7Tabs = NextInt();
                    break;
                case "--p7-host":
                    o.P7Host = Next();
                    break;
                case "--screenshots":
                    o.Screenshots = Next();
                    break;
                case "--p4-instances":
                    o.P4Instances = NextInt();
                    break;
                case "--p4-tasks":
                    o.P4TasksPerInstance = NextInt();
                    break;
                case "--p4-runs":
                    o.P4Runs = NextInt();
                    break;
                case "--p4-warmup":
                    o.P4Warmup = NextInt();
                    break;
                case "--p4-page-runs":
                    o.P4PageRuns = NextInt();
                    break;
                case "--p4-page-warmup":
                    o.P4PageWarmup = NextInt();
                    break;
                case "--cs":
                    o.ConnectionString = Next();
                    break;
                case "--c":
                    o.Concurrency = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
                    break;
                case "--starts":
                    o.Starts = NextInt();
                    break;
                case "--warmup":
                    o.Warmup = NextInt();
                    break;
                case "--floor-journal-rows":
                    o.FloorJournalRows = NextInt();
                    break;
                case "--resumes":
                    o.Resumes = NextInt();
                    break;
                case "--resume-warmup":
                    o.ResumeWarmup = NextInt();
                    break;
                case "--instances":
                    o.BulkInstances = NextInt();
                    break;
                case "--versions":
                    o.Versions = NextInt();
                    break;
                case "--timers":
                    o.StormTimers = NextInt();
                    break;
                case "--baseline-jobs":
                    o.BaselineJobs = NextInt();
                    break;
                case "--baseline-timeout":
                    o.BaselineTimeout = NextInt();
                    break;
                case "--storm-timeout":
                    o.StormTimeout = NextInt();
                    break;
                case "--isolated":
                    o.IsolatedTimers = NextInt();
                    break;
                case "--spacing":
                    o.IsolatedSpacing = NextInt();
                    break;
                case "--mq":
                    o.RabbitMqUri = new Uri(Next());
                    break;
                case "--p8-rate":
                    o.P8Rate = double.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--p8-seconds":
                    o.P8Seconds = NextInt();
                    break;
                case "--p8-rounds":
                    o.P8Rounds = NextInt();
                    break;
                case "--p8-warmup":
                    o.P8Warmup = NextInt();
                    break;
                case "--p8-inflight":
                    o.P8InFlight = NextInt();
                    break;
                case "--p8-outbox-parallelism":
                    o.P8OutboxParallelism = NextInt();
                    break;
                case "--set":
                    var setting = Next().Split('=', 2);
                    o.Settings[setting[0]] = setting.Length == 2 ? setting[1] : throw new ArgumentException("--set needs Section:Key=Value.");
                    break;
                case "--engine-cs":
                    o.EngineConnectionSettings = Next();
                    break;
                case "--no-sql":
                    o.ShowSql = false;
                    break;
                case "-h" or "--help":
                    throw new ArgumentException(Usage);
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.\n{Usage}");
            }
        }
        if (o.ConnectionString.Length == 0 && o.NeedsPostgres)
        {
            o.ConnectionString = Environment.GetEnvironmentVariable("INBURGERING_BENCH_PG") ?? throw new ArgumentException("--cs (or INBURGERING_BENCH_PG) is required.\n" + Usage);
        }
        return o;
    }

    public const string Usage =
        "usage: Inburgering.Bench [p1|p2|p2b|p3|p5|p7|p8|all] --cs <connection string to an admin database> (not for p7) [--mq <amqp uri> (P8)]\n" +
        "usage: Inburgering.Bench [p1|p2|p2b|p3|p4|p5|p8|all] --cs <connection string to an admin database> [--mq <amqp uri> (P8)]\n" +
        "  P1: --c 4,1,8 (concurrent starters)  --starts 3000 (measured per C)  --warmup 300\n" +
        "  P3: --resumes 2000 (measured)  --resume-warmup 200  --instances 100000 (bulk)  --versions 50\n" +
        "  P2: --timers 10000 (storm)  --baseline-jobs 10000  --baseline-timeout 420 (s)  --storm-timeout 300 (s)\n" +
        "  P2b (also run by p2): --isolated 40 (timers)  --spacing 3 (s between due times)\n" +
        "  P4: --p4-instances 100000 (klantreizen)  --p4-tasks 10 (tasks per klantreis)  --p4-runs 50 (measured rounds)  --p4-warmup 5\n" +
        "      --p4-page-runs 30 (GETs of /dashboard, / and the JSON reports on a Host process; 0 = skip)  --p4-page-warmup 3  [--p7-host path/Inburgering.Host.dll]\n" +
        "  P8: --mq amqp://…  --p8-rate 1000 (offered/s)  --p8-seconds 10 (per side per round)  --p8-rounds 2  --p8-warmup 3 (s)  --p8-inflight 32  [--p8-outbox-parallelism N]\n" +
        "  P7: --p7-rounds 10 (warm rounds)  --p7-tabs 5 (designer tabs for memory)  [--p7-host path/Inburgering.Host.dll]  [--screenshots docs/images]\n" +
        "  --no-sql  do not print the SQL of one burst\n" +
        "  --set Engine:StartGroupSize=32 | Engine:StartGroupParallelism=2 | Timers:GroupSize=50 | Timers:Parallelism=4 | Timers:BatchSize=1000  (repeatable; default: the engine's defaults)\n" +
        "  --engine-cs \"Max Auto Prepare=32\"  Npgsql settings added to the connection string of the engine and of the raw-SQL baseline";
}

using Inburgering.Activities;
using Inburgering.Workflows;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Timers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inburgering.Bench;

/// <summary>A fresh database and the engine wired to it outside the Host, exactly as the brief describes.</summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EngineHost(ServiceProvider services, string connectionString, NpgsqlDataSource dataSource)
    {
        _services = services;
        ConnectionString = connectionString;
        DataSource = dataSource;
    }

    public string ConnectionString { get; }

    /// <summary>Settings from <c>--set</c> (Section:Key=Value), applied to every engine the bench wires.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; set; } = new Dictionary<string, string>();

    /// <summary>Npgsql settings added to the connection string of the engine and of the baseline (<c>--engine-cs "Max Auto Prepare=32"</c>).</summary>
    public static string EngineConnectionSettings { get; set; } = "";

    /// <summary>For raw SQL (baseline, checks, bulk load); a separate pool from the engine's.</summary>
    public NpgsqlDataSource DataSource { get; }

    public WorkflowRunner Runner => _services.GetRequiredService<WorkflowRunner>();

    public DefinitionStore Definitions => _services.GetRequiredService<DefinitionStore>();

    public IServiceProvider Services => _services;

    /// <summary>Drops and creates <paramref name="database"/> next to the admin database, then creates the engine schema.</summary>
    /// <param name="configure">Registrations made before the engine's (its TryAdd defaults then yield: e.g. a TimeProvider or an ITimerScheduler).</param>
    public static async Task<EngineHost> CreateAsync(string adminConnectionString, string database, Action<IServiceCollection, string>? configure = null)
    {
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var csb = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database };
        if (EngineConnectionSettings.Length > 0)
        {
            // The baseline's pool (DataSource) is built from the same string: a setting that makes statements cheaper
            // (auto-prepare) must not favour the engine over its baseline.
            csb.ConnectionString += ";" + EngineConnectionSettings;
            csb.Database = database;
        }
        var cs = csb.ConnectionString;

        var services = new ServiceCollection();
        services.AddLogging();
        configure?.Invoke(services, cs);
        services.AddWorkflowsPersistence(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = cs }, contentRoot: Directory.GetCurrentDirectory());
        services.AddWorkflowEngine().AddStandardActivities();
        ApplySettings(services);
        var sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await sp.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        // The baseline's pool uses the engine's own effective string (with the prepared statements the engine asks for by
        // default, Database:PreparedStatements): what makes statements cheaper must not favour the engine over its baseline.
        return new EngineHost(sp, cs, NpgsqlDataSource.Create(sp.GetRequiredService<ResolvedDatabase>().ConnectionString));
    }

    /// <summary>Publishes the bench definition (revision 1) and returns its version.</summary>
    public async Task<int> PublishAsync(int revision = 1)
    {
        var result = await Definitions.ImportAsync(BenchDefinition.Json(revision), "bench");
        if (result.Status != DefinitionImportStatus.Published || result.Version is null)
        {
            throw new InvalidOperationException($"Publishing the bench definition failed ({result.Status}): {string.Join("; ", result.Errors)}");
        }
        return result.Version.Version;
    }

    /// <summary>The few settings a tuning run varies; anything else is refused so that a typo cannot go unnoticed.</summary>
    private static void ApplySettings(IServiceCollection services)
    {
        foreach (var (key, text) in Settings)
        {
            var value = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            Action<IServiceCollection> apply = key.ToUpperInvariant() switch
            {
                "ENGINE:STARTGROUPSIZE" => s => s.Configure<EngineOptions>(o => o.StartGroupSize = value),
                "ENGINE:STARTGROUPPARALLELISM" => s => s.Configure<EngineOptions>(o => o.StartGroupParallelism = value),
                "TIMERS:GROUPSIZE" => s => s.Configure<TimerOptions>(o => o.GroupSize = value),
                "TIMERS:PARALLELISM" => s => s.Configure<TimerOptions>(o => o.Parallelism = value),
                "TIMERS:BATCHSIZE" => s => s.Configure<TimerOptions>(o => o.BatchSize = value),
                _ => throw new ArgumentException($"--set {key}: not a setting the bench can change."),
            };
            apply(services);
        }
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _services.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }
}

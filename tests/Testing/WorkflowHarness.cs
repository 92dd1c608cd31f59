using System.Text.Json;
using System.Text.Json.Nodes;
using Inburgering.Activities;
using Inburgering.Workflows;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Stores;
using Inburgering.Workflows.Stores.Memory;
using Inburgering.Workflows.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inburgering.Testing;

/// <summary>
/// Runs a definition, or one activity inside a tiny definition, in a few lines: a real database (SQLite file or the
/// throwaway PostgreSQL) or the engine's memory store, the standard activities, and fake time.
/// <code>
/// await using var h = await WorkflowHarness.CreateAsync();
/// await h.PublishAsync(json);
/// var id = await h.StartAsync("my-flow");
/// await h.DeliverAsync(id, "DuoKennisgeving", new { datum = "2026-03-01" });
/// var view = await h.GetAsync(id);
/// </code>
/// </summary>
public sealed class WorkflowHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TempDirectory? _folder;

    private readonly string? _postgres;

    private WorkflowHarness(ServiceProvider services, FakeTimeProvider time, TempDirectory? folder, string? postgres)
    {
        _services = services;
        Time = time;
        _folder = folder;
        _postgres = postgres;
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _services;

    public WorkflowRunner Runner => _services.GetRequiredService<WorkflowRunner>();

    public TimerDispatcher Timers => _services.GetRequiredService<TimerDispatcher>();

    /// <summary>
    /// Moves the fake clock forward, firing every timer at its own moment on the way (so a reminder fires at its time,
    /// not all at once at the end). Returns how many timers fired.
    /// </summary>
    public Task<int> AdvanceAsync(TimeSpan by) => Timers.AdvanceAsync(Time.GetUtcNow() + by, Time.GetUtcNow, Time.SetUtcNow);

    public static async Task<WorkflowHarness> CreateAsync(HarnessDatabase database = HarnessDatabase.Sqlite, Action<IServiceCollection>? configure = null)
    {
        TempDirectory? folder = null;
        DatabaseOptions options;
        if (database == HarnessDatabase.Postgres)
        {
            options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = await TestServers.CreatePostgresDatabaseAsync("wf") };
        }
        else
        {
            folder = new TempDirectory();
            options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={folder.File("harness.db")}" };
        }
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddWorkflowsPersistence(options, folder?.Path ?? Path.GetTempPath());
        services.AddWorkflowEngine().AddStandardActivities();
        if (database == HarnessDatabase.Memory)
        {
            services.AddMemoryWorkflowStore();
        }
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return new WorkflowHarness(provider, time, folder, database == HarnessDatabase.Postgres ? options.ConnectionString : null);
    }

    /// <summary>Saves and publishes a definition; fails the test with every error when it is invalid.</summary>
    public async Task<int> PublishAsync(string json)
    {
        var result = await _services.GetRequiredService<DefinitionStore>().ImportAsync(json, "test");
        if (result.Status == DefinitionImportStatus.Invalid)
        {
            throw new InvalidOperationException("The definition is invalid:\n" + string.Join("\n", result.Errors));
        }
        return result.Version!.Version;
    }

    public async Task<Guid> StartAsync(string definitionId, object? variables = null, string? correlationKey = null)
    {
        var instance = await Runner.StartAsync(new StartInstanceRequest(definitionId, CorrelationKey: correlationKey, Variables: ToJson(variables) as JsonObject));
        return instance.Id;
    }

    public Task<BurstOutcome> DeliverAsync(Guid instanceId, string eventName, object? payload = null) =>
        Runner.DeliverEventAsync(instanceId, eventName, ToJson(payload));

    /// <summary>The instance as stored: status, variables, open waits, journal and incidents.</summary>
    public async Task<InstanceView> GetAsync(Guid instanceId)
    {
        if (MemoryStore is { } memory)
        {
            var stored = memory.Instances(i => i.Id == instanceId).Single();
            return new InstanceView(
                stored,
                JsonNode.Parse(stored.VariablesJson)!.AsObject(),
                memory.Waits(w => w.InstanceId == instanceId).OrderBy(w => w.ActivityKey, StringComparer.Ordinal).ToList(),
                memory.JournalOf(instanceId),
                memory.Incidents(i => i.InstanceId == instanceId).OrderBy(i => i.CreatedAtUtc).ToList());
        }
        await using var db = await _services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instanceId);
        return new InstanceView(
            instance,
            JsonNode.Parse(instance.VariablesJson)!.AsObject(),
            await db.Waits.AsNoTracking().Where(w => w.InstanceId == instanceId).OrderBy(w => w.ActivityKey).ToListAsync(),
            await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence).ToListAsync(),
            await db.Incidents.AsNoTracking().Where(i => i.InstanceId == instanceId).OrderBy(i => i.CreatedAtUtc).ToListAsync());
    }

    /// <summary>The memory store the instances run on, when the harness runs on <see cref="HarnessDatabase.Memory"/>.</summary>
    public MemoryWorkflowStore? MemoryStore => _services.GetRequiredService<IWorkflowStore>() as MemoryWorkflowStore;

    /// <summary>Runs a read against the harness's database (tasks, outbox, audit, inbox…).</summary>
    public async Task<T> QueryAsync<T>(Func<WorkflowsDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (MemoryStore is not null)
        {
            throw new InvalidOperationException("This harness runs instances in memory: read them from MemoryStore, not the database.");
        }
        await using var db = await _services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonNode node => node,
        _ => JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web),
    };

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            // Each harness has its own database and so its own pool; idle connections would otherwise stay open for
            // minutes and, over hundreds of tests running in parallel, exhaust the server's max_connections.
            await using var connection = new Npgsql.NpgsqlConnection(_postgres);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
        _folder?.Dispose();
    }
}

/// <summary>An instance as stored, for assertions.</summary>
public sealed record InstanceView(WorkflowInstance Instance, JsonObject Variables, IReadOnlyList<WorkflowWait> Waits, IReadOnlyList<JournalEntry> Journal, IReadOnlyList<Incident> Incidents)
{
    public InstanceStatus Status => Instance.Status;

    public IEnumerable<string> WaitingAt => Waits.Select(w => w.ActivityKey);

    public int Count(JournalKind kind, string? activityKey = null) => Journal.Count(j => j.Kind == kind && (activityKey is null || j.ActivityKey == activityKey));
}

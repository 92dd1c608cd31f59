using System.Collections.Concurrent;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Inburgering.Workflows.Timers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inburgering.Bench;

/// <summary>
/// Hangfire in the bench process, wired like the Host's <c>SchedulerSetup</c>: PostgreSQL storage in the engine's own
/// database (schema "hangfire", QueuePollInterval 1 s), a server with WorkerCount 5 and SchedulePollingInterval 1 s, the
/// recurring sweep every minute plus one sweep at start-up, and <see cref="BenchTimerScheduler"/> (a copy of the Host's
/// internal HangfireTimerScheduler) as the engine's <see cref="ITimerScheduler"/>.
/// </summary>
internal sealed class HangfireWiring : IDisposable
{
    private readonly BackgroundJobServer _server;

    private HangfireWiring(JobStorage storage, BackgroundJobServer server)
    {
        Storage = storage;
        _server = server;
        Client = new BackgroundJobClient(storage);
    }

    public JobStorage Storage { get; }

    public IBackgroundJobClient Client { get; }

    /// <summary>Registrations for <see cref="EngineHost.CreateAsync"/>: the engine's clock and scheduler, and the job classes.</summary>
    public static void Register(IServiceCollection services, string connectionString, BenchClock clock)
    {
        services.AddSingleton<TimeProvider>(clock);
        // The storage is created before the engine's services are built, so the scheduler can get a client at once.
        var storage = CreateStorage(connectionString);
        services.AddSingleton(storage);
        services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(storage));
        services.AddSingleton<ITimerScheduler, BenchTimerScheduler>();
        services.AddTransient<BenchTimerJobs>();
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddTransient<BaselineWriteJob>();
    }

    private static PostgreSqlStorage CreateStorage(string connectionString)
    {
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings();
        return new PostgreSqlStorage(
            new NpgsqlConnectionFactory(connectionString, Options),
            Options);
    }

    private static readonly PostgreSqlStorageOptions Options = new()
    {
        SchemaName = "hangfire",
        QueuePollInterval = TimeSpan.FromSeconds(1),
        AllowDegradedModeWithoutStorage = false,
    };

    /// <summary>Starts the server and does what the Host's TimerSweepRegistration does at start-up.</summary>
    public static HangfireWiring Start(IServiceProvider services)
    {
        var storage = services.GetRequiredService<PostgreSqlStorage>();
        var server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                WorkerCount = 5,
                SchedulePollingInterval = TimeSpan.FromSeconds(1),
                ServerName = $"inburgering-bench-{Environment.ProcessId}",
                Activator = new ServiceProviderJobActivator(services),
            },
            storage);
        var wiring = new HangfireWiring(storage, server);
        new RecurringJobManager(storage).AddOrUpdate<BenchTimerJobs>(BenchTimerJobs.SweepJobId, j => j.SweepAsync(CancellationToken.None), "* * * * *");
        wiring.Client.Enqueue<BenchTimerJobs>(j => j.SweepAsync(CancellationToken.None));
        return wiring;
    }

    public void Dispose()
    {
        _server.SendStop();
        _server.Dispose();
    }

    private sealed class ServiceProviderJobActivator(IServiceProvider services) : JobActivator
    {
        public override object ActivateJob(Type jobType) => ActivatorUtilities.GetServiceOrCreateInstance(services, jobType);
    }
}

/// <summary>Copy of the Host's internal <c>HangfireTimerScheduler</c>: one delayed wake job per future due second (keep in step with it).</summary>
internal sealed class BenchTimerScheduler(IBackgroundJobClient jobs, TimeProvider time) : ITimerScheduler
{
    private readonly ConcurrentDictionary<long, byte> _scheduledSeconds = new();

    /// <summary>Wake jobs scheduled (for the report).</summary>
    public int Scheduled => _count;

    private int _count;

    public void WakeAt(DateTimeOffset dueAt)
    {
        var second = dueAt.ToUnixTimeSeconds();
        var shareable = second > time.GetUtcNow().ToUnixTimeSeconds();
        if (shareable && !_scheduledSeconds.TryAdd(second, 0))
        {
            return;
        }
        Interlocked.Increment(ref _count);
        jobs.Schedule<BenchTimerJobs>(j => j.WakeAsync(CancellationToken.None), DateTimeOffset.FromUnixTimeSeconds(second - 1));
        Prune();
    }

    private void Prune()
    {
        var past = time.GetUtcNow().ToUnixTimeSeconds() - 60;
        foreach (var second in _scheduledSeconds.Keys.Where(s => s < past))
        {
            _scheduledSeconds.TryRemove(second, out _);
        }
    }
}

/// <summary>Copy of the Host's <c>TimerJobs</c> (same attributes): the wake job and the sweep both run the dispatcher.</summary>
public sealed class BenchTimerJobs(TimerDispatcher dispatcher, TimeProvider time)
{
    public const string SweepJobId = "timers-sweep";

    /// <summary>Wake jobs that ran, and when the last one started (for the report).</summary>
    public static int WakeRuns => _wakeRuns;

    private static int _wakeRuns;

    [AutomaticRetry(Attempts = 3)]
    public async Task WakeAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _wakeRuns);
        await dispatcher.FireDueAsync(cancellationToken);
        for (var round = 0; round < 5; round++)
        {
            var next = await dispatcher.NextDueAsync(cancellationToken);
            var wait = next - time.GetUtcNow();
            if (wait is null || wait > TimeSpan.FromSeconds(3))
            {
                return;
            }
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait.Value + TimeSpan.FromMilliseconds(15), time, cancellationToken);
            }
            await dispatcher.FireDueAsync(cancellationToken);
        }
    }

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    public Task SweepAsync(CancellationToken cancellationToken) => dispatcher.FireDueAsync(cancellationToken);
}

/// <summary>The P2 baseline's job: one trivial durable write (INSERT + COMMIT) per Hangfire job.</summary>
public sealed class BaselineWriteJob(NpgsqlDataSource dataSource)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task WriteAsync(int n)
    {
        await using var cmd = dataSource.CreateCommand("INSERT INTO bench_p2_baseline (n) VALUES ($1) ON CONFLICT DO NOTHING");
        cmd.Parameters.AddWithValue(n);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>For calibrating the schedule rate: scheduled far in the future, never run.</summary>
    public static void Nothing()
    {
    }
}

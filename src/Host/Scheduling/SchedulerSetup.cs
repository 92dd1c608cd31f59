using Hangfire;
using Hangfire.PostgreSql;
using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Retention;
using Inburgering.Workflows.Timers;

namespace Inburgering.Host.Scheduling;

/// <summary>
/// Hangfire wakes the engine; it never stores the timers themselves (architecture decision 4). Its storage follows the
/// database: PostgreSQL in production, in-memory in the embedded default (Hangfire.Storage.SQLite crashed under load,
/// see design/stack.md §2.5). What an in-memory scheduler forgets on restart is recovered by the engine's start-up sweep.
/// </summary>
internal static class SchedulerSetup
{
    public static WebApplicationBuilder AddScheduler(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddHangfire(configuration =>
        {
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.Postgres)
            {
                configuration.UsePostgreSqlStorage(
                    pg => pg.UseNpgsqlConnection(database.ConnectionString),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = "hangfire",
                        QueuePollInterval = TimeSpan.FromSeconds(1),
                        // Fail fast: a Host that cannot reach its scheduler must not pretend to run.
                        AllowDegradedModeWithoutStorage = false,
                    });
            }
            else
            {
                configuration.UseInMemoryStorage();
            }
        });
        builder.Services.AddOptions<TimerOptions>().Bind(builder.Configuration.GetSection(TimerOptions.SectionName));
        builder.Services.AddOptions<CalendarOptions>().Bind(builder.Configuration.GetSection(CalendarOptions.SectionName));
        builder.Services.AddSingleton<ITimerScheduler, HangfireTimerScheduler>();
        builder.Services.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection(RetentionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddTransient<TimerJobs>();
        builder.Services.AddTransient<RetentionJobs>();
        builder.Services.AddHostedService<RecurringJobsRegistration>();
        builder.Services.AddHangfireServer(server =>
        {
            // Two cores here: more workers only add contention (design/stack.md §6.1).
            server.WorkerCount = 5;
            server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            server.ServerName = $"inburgering-{Environment.MachineName}-{Environment.ProcessId}";
        });
        return builder;
    }

    /// <summary>Hangfire's dashboard at /hangfire: admins only (and local requests in Development).</summary>
    public static WebApplication UseSchedulerDashboard(this WebApplication app)
    {
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "Inburgering.Workflows – planner",
            Authorization = [new AdminDashboardAuthorization(allowLocalRequests: app.Environment.IsDevelopment())],
        });
        return app;
    }
}

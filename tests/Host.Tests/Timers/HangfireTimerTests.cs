using Hangfire;
using Hangfire.Storage;
using Inburgering.Host.Scheduling;
using Inburgering.Host.Tests.Infrastructure;
using Inburgering.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Host.Tests.Timers;

/// <summary>Timers fired by Hangfire on PostgreSQL (Hangfire.PostgreSql), in real time with short durations.</summary>
public sealed class HangfireTimerTests
{
    [Fact]
    public async Task A_short_delay_is_fired_by_the_Hangfire_wake_job()
    {
        var connectionString = await TestServers.CreatePostgresDatabaseAsync("hf");
        using var factory = new HostFactory()
            .WithSetting("Database:Provider", "Postgres")
            .WithSetting("Database:ConnectionString", connectionString);
        using var client = factory.CreateClient();
        await client.PublishAsync("kort-wachten", SampleFlows.Delay("kort-wachten", "PT3S"));

        var id = await client.StartAsync("kort-wachten");
        var status = await client.WaitForStatusAsync([id], "Completed", TimeSpan.FromSeconds(30));

        Assert.Equal("Completed", status[id]);
        var journal = await client.JournalAsync(id);
        Assert.Single(journal, e => e!["kind"]!.GetValue<string>() == "TimerFired");
    }

    [Fact]
    public async Task Restarting_the_Host_creates_no_duplicate_Hangfire_jobs()
    {
        var connectionString = await TestServers.CreatePostgresDatabaseAsync("hfdup");
        for (var start = 0; start < 2; start++)
        {
            using var factory = new HostFactory()
                .WithSetting("Database:Provider", "Postgres")
                .WithSetting("Database:ConnectionString", connectionString);
            using var client = factory.CreateClient();
            await HealthProbe.ReadUntilHealthyAsync(client);
            var storage = factory.Services.GetRequiredService<JobStorage>();
            using var connection = storage.GetConnection();

            var recurring = connection.GetRecurringJobs();

            Assert.Single(recurring, j => j.Id == TimerJobs.SweepJobId);
            Assert.Single(recurring, j => j.Id == RetentionJobs.SweepJobId);
            Assert.Equal(2, recurring.Count);
        }
    }
}

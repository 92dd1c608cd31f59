using Inburgering.Host.Tests.Infrastructure;
using Inburgering.Testing;

namespace Inburgering.Host.Tests.Timers;

/// <summary>
/// Timers across crashes and Hosts: real Host processes on one PostgreSQL database (Hangfire.PostgreSql), real time,
/// short durations. The journal is the proof: each instance shows exactly one TimerFired.
/// </summary>
public sealed class HostProcessTimerTests
{
    private static async Task<Dictionary<string, string>> PostgresSettingsAsync(string prefix) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = await TestServers.CreatePostgresDatabaseAsync(prefix),
        ["Timers:SweepCron"] = "*/5 * * * * *",
    };

    [Fact]
    public async Task A_Host_killed_with_SIGKILL_between_scheduling_and_firing_fires_each_timer_once_after_restart()
    {
        var settings = await PostgresSettingsAsync("kill");
        var ids = new List<Guid>();
        await using (var first = await HostProcess.StartAsync(settings))
        {
            await first.Client.PublishAsync("na-crash", SampleFlows.Delay("na-crash", "PT8S"));
            for (var i = 0; i < 5; i++)
            {
                ids.Add(await first.Client.StartAsync("na-crash"));
            }
            first.Kill();
        }

        await using var second = await HostProcess.StartAsync(settings);
        var statuses = await second.Client.WaitForStatusAsync(ids, "Completed", TimeSpan.FromSeconds(60));

        Assert.All(statuses.Values, s => Assert.Equal("Completed", s));
        foreach (var id in ids)
        {
            Assert.Single(await second.Client.JournalAsync(id), e => e!["kind"]!.GetValue<string>() == "TimerFired");
        }
    }

    [Fact]
    public async Task Two_Hosts_on_one_database_fire_each_timer_exactly_once()
    {
        var settings = await PostgresSettingsAsync("twee");
        await using var a = await HostProcess.StartAsync(settings);
        await using var b = await HostProcess.StartAsync(settings);
        await a.Client.PublishAsync("twee-hosts", SampleFlows.Delay("twee-hosts", "PT5S"));
        var ids = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await (i % 2 == 0 ? a : b).Client.StartAsync("twee-hosts"));
        }

        var statuses = await a.Client.WaitForStatusAsync(ids, "Completed", TimeSpan.FromSeconds(60));

        Assert.All(statuses.Values, s => Assert.Equal("Completed", s));
        foreach (var id in ids)
        {
            Assert.Single(await b.Client.JournalAsync(id), e => e!["kind"]!.GetValue<string>() == "TimerFired");
        }
    }
}

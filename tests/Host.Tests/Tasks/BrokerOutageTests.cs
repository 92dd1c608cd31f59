using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inburgering.Contracts.Tasks;
using Inburgering.Host.Tests.Infrastructure;
using Inburgering.Testing;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Host.Tests.Tasks;

/// <summary>
/// RabbitMQ is stopped (<c>rabbitmqctl stop_app</c>: the broker refuses every connection) for 30 s while tasks are
/// opened; after it comes back every TaskAssigned is delivered and none is lost.
/// </summary>
public sealed class BrokerOutageTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task With_RabbitMQ_stopped_for_30_seconds_every_task_opened_meanwhile_is_delivered_after_it_comes_back()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var broker = await TestServers.CreateRabbitMqVirtualHostAsync();
        await using var factory = (await HostFactory.ProductionAsync(broker))
            .WithSetting("Outbox:MaxRetryDelay", "00:00:05")
            .WithSetting("Outbox:PublishTimeout", "00:00:05");
        using var client = factory.CreateClient();
        await HealthProbe.ReadUntilHealthyAsync(client);
        await client.PublishAsync("intake", SampleFlows.Intake("intake"));
        await using var partner = await PartnerBus.StartAsync(broker);
        var before = await StartAsync(client, "kr-3000");
        await partner.WaitForAsync(m => m.Count(r => r.Type == "TaskAssigned") == 1, TimeSpan.FromSeconds(60));

        output.WriteLine($"{clock.Elapsed}: host up, first TaskAssigned received");
        var during = new List<Guid>();
        await TestServers.RabbitMqCtlAsync("-q", "stop_app");
        try
        {
            var outage = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 1; i <= 6; i++)
            {
                during.Add(await StartAsync(client, $"kr-30{i:00}"));
                await Task.Delay(TimeSpan.FromSeconds(3));
            }
            var unsentDuring = await QueryAsync(factory, db => db.Outbox.CountAsync(o => o.DispatchedAtUtc == null));
            Assert.Equal(6, unsentDuring); // nothing could be published, nothing is lost: the rows wait
            await Task.Delay(TimeSpan.FromSeconds(30) - outage.Elapsed);
        }
        finally
        {
            await TestServers.RabbitMqCtlAsync("-q", "start_app");
        }
        output.WriteLine($"{clock.Elapsed}: broker back");

        var received = await partner.WaitForAsync(m => m.Where(r => r.Type == "TaskAssigned").Select(r => r.MessageId).Distinct().Count() == 7, TimeSpan.FromSeconds(120));
        output.WriteLine($"{clock.Elapsed}: all 7 TaskAssigned received");
        var taskIds = await QueryAsync(factory, db => db.Tasks.Select(t => t.Id).ToListAsync());
        var assigned = received.Where(r => r.Type == "TaskAssigned").Select(r => ((TaskAssigned)r.Message).TaskId).Distinct().ToList();
        Assert.Equal(taskIds.Order(), assigned.Order());
        Assert.Equal(7, taskIds.Count);
        Assert.DoesNotContain(before, during);
        // A row is marked dispatched when the broker's confirm arrives, which can be just after the partner received it.
        Assert.Equal(0, await UnsentAfterDrainAsync(factory, TimeSpan.FromSeconds(30)));
    }

    private static async Task<int> UnsentAfterDrainAsync(HostFactory factory, TimeSpan patience)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var unsent = await QueryAsync(factory, db => db.Outbox.CountAsync(o => o.DispatchedAtUtc == null));
            if (unsent == 0 || waited.Elapsed > patience) return unsent;
            await Task.Delay(200);
        }
    }

    private static async Task<Guid> StartAsync(HttpClient client, string klantreisId)
    {
        var response = await client.PostAsJsonAsync("/api/instances", new { definitionId = "intake", correlationKey = klantreisId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static async Task<T> QueryAsync<T>(HostFactory factory, Func<WorkflowsDbContext, Task<T>> query)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}

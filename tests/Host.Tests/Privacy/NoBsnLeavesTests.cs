using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inburgering.Contracts.Tasks;
using Inburgering.Host.Tests.Infrastructure;
using Inburgering.Testing;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Timers;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Inburgering.Host.Tests.Privacy;

/// <summary>
/// law.md §9: a BSN stays with the gemeente. A klantreis whose instance holds a BSN (a variable declared sensitive) runs
/// through every outbound message type a task produces — assigned, reminder, overdue, completed — plus a partner's read
/// and a refused message that itself carries the BSN; not one outbound message, outbox row or log line (at every level)
/// contains it.
/// </summary>
public sealed class NoBsnLeavesTests
{
    [Fact]
    public async Task No_outbound_message_and_no_log_line_contains_a_BSN()
    {
        var logs = new LogCapture();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var consumed = new ConsumeLog();
        var broker = await TestServers.CreateRabbitMqVirtualHostAsync();
        await using var factory = (await HostFactory.ProductionAsync(broker)).WithServices(s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<ILoggerProvider>(logs);
            s.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(typeof(LogCapture).FullName, null, LogLevel.Trace, null)));
            s.AddConsumeObserver(_ => consumed);
        });
        using var admin = factory.CreateClient();
        using var isd = factory.CreateClientAs("isd-bollenstreek");
        await HealthProbe.ReadUntilHealthyAsync(admin);
        await admin.PublishAsync("intake", SampleFlows.Intake("intake", reminders: ["P5WD"], escalateEvery: "P5WD"));
        await using var partner = await PartnerBus.StartAsync(broker);

        var started = await admin.PostAsJsonAsync("/api/instances", new { definitionId = "intake", correlationKey = "kr-5001", variables = new { bsn = SampleFlows.PlantedBsn, naam = "A. Yilmaz" } });
        started.EnsureSuccessStatusCode();
        var assigned = await partner.WaitForAsync(m => m.Any(r => r.Type == "TaskAssigned"), TimeSpan.FromSeconds(60));
        var taskId = ((TaskAssigned)assigned.Single(r => r.Type == "TaskAssigned").Message).TaskId;
        var partnerView = await isd.GetStringAsync(new Uri($"/api/tasks/{taskId}", UriKind.Relative));
        var timers = factory.Services.GetRequiredService<TimerDispatcher>();
        clock.Advance(TimeSpan.FromDays(63)); // reminder 5 werkdagen before Monday 11 May
        await timers.FireDueAsync();
        clock.Advance(TimeSpan.FromDays(9)); // Wednesday 13 May: past the deadline (end of Monday 11 May)
        await timers.FireDueAsync();
        var refused = NewId.NextGuid();
        await partner.SendAsync("inburgering-complete-task", new CompleteTask(taskId, "isd-bollenstreek", "m.jansen", "Afgerond",
            new Dictionary<string, string?> { ["bsn"] = SampleFlows.PlantedBsn, ["toelichting"] = SampleFlows.PlantedBsn }), refused);
        await consumed.WaitForAsync(refused, 1, TimeSpan.FromSeconds(60));
        await partner.SendAsync("inburgering-complete-task", new CompleteTask(taskId, "isd-bollenstreek", "m.jansen", "Afgerond",
            new Dictionary<string, string?> { ["leerroute"] = "B1", ["pipDatum"] = "2026-05-13" }), NewId.NextGuid());
        var all = await partner.WaitForAsync(m => m.Any(r => r.Type == "TaskCompleted"), TimeSpan.FromSeconds(60));

        Assert.Equal(["TaskAssigned", "TaskCompleted", "TaskOverdue", "TaskReminder"], all.Select(m => m.Type).Distinct().Order(StringComparer.Ordinal));
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        var outbox = (await db.Outbox.AsNoTracking().ToListAsync()).Select(o => $"{o.PayloadJson} {o.Subject} {o.LastError}").ToList();
        var variables = await db.Instances.AsNoTracking().Select(i => i.VariablesJson).SingleAsync();
        Assert.Contains(SampleFlows.PlantedBsn, variables, StringComparison.Ordinal); // the gemeente does hold it: the test can fail
        Assert.True(logs.Lines.Count(l => l.Contains("Executed DbCommand", StringComparison.Ordinal)) > 10, "The capture must see debug-level logs, or it proves nothing.");
        Assert.Contains(logs.Lines, l => l.Contains("inburgering-complete-task", StringComparison.Ordinal) || l.Contains("CompleteTask", StringComparison.Ordinal));
        Assert.DoesNotContain(SampleFlows.PlantedBsn, partnerView, StringComparison.Ordinal);
        Assert.All(all, m =>
        {
            Assert.DoesNotContain(SampleFlows.PlantedBsn, m.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(m.Headers.Values, v => v.Contains(SampleFlows.PlantedBsn, StringComparison.Ordinal));
        });
        Assert.All(outbox, o => Assert.DoesNotContain(SampleFlows.PlantedBsn, o, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(SampleFlows.PlantedBsn, StringComparison.Ordinal));
        var fault = Assert.Single(await RawAmqp.TakeAsync(broker, "inburgering-complete-task_error", 1, TimeSpan.FromSeconds(30)));
        Assert.DoesNotContain(SampleFlows.PlantedBsn, RawAmqp.Text(fault.Headers["MT-Fault-Message"]), StringComparison.Ordinal);
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inburgering.Contracts.Tasks;
using Inburgering.Host.Tests.Infrastructure;
using Inburgering.Testing;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Tasks;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Host.Tests.Tasks;

/// <summary>
/// Partner tasks through the real RabbitMQ and PostgreSQL: out through the outbox as TaskAssigned, back in as
/// CompleteTask, idempotent, invalid messages to the error queue with their reason.
/// </summary>
public sealed class PartnerMessagingTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly ConsumeLog _consumed = new();
    private Uri _broker = null!;
    private HostFactory _factory = null!;
    private HttpClient _client = null!;
    private PartnerBus _partner = null!;

    public async Task InitializeAsync()
    {
        _broker = await TestServers.CreateRabbitMqVirtualHostAsync();
        _factory = (await HostFactory.ProductionAsync(_broker)).WithServices(s => s.AddConsumeObserver(_ => _consumed));
        _client = _factory.CreateClient();
        await HealthProbe.ReadUntilHealthyAsync(_client);
        _partner = await PartnerBus.StartAsync(_broker);
        await _client.PublishAsync("intake", SampleFlows.Intake("intake"));
    }

    public async Task DisposeAsync()
    {
        await _partner.DisposeAsync();
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_task_opened_by_a_workflow_reaches_the_partner_as_TaskAssigned_with_its_CloudEvents_attributes()
    {
        var instanceId = await StartAsync("kr-2001");

        var received = await _partner.WaitForAsync(m => m.Any(r => r.Type == "TaskAssigned"), Patience);

        var assigned = received.Single(r => r.Type == "TaskAssigned");
        var message = Assert.IsType<TaskAssigned>(assigned.Message);
        var outbox = await QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.InstanceId == instanceId));
        Assert.Equal(("kr-2001", "isd-bollenstreek", "brede-intake"), (message.KlantreisId, message.Organisation, message.TaskType));
        Assert.Equal(outbox.Id, assigned.MessageId);
        Assert.NotNull(outbox.DispatchedAtUtc);
        Assert.Equal("1.0", assigned.Headers["cloudEvents:specversion"]);
        Assert.Equal(outbox.Id.ToString(), assigned.Headers["cloudEvents:id"]);
        Assert.Equal("nl.noordwijk.inburgering.task-assigned", assigned.Headers["cloudEvents:type"]);
        Assert.Equal("kr-2001", assigned.Headers["cloudEvents:subject"]);
        Assert.StartsWith("urn:nld:oin:", assigned.Headers["cloudEvents:source"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_CompleteTask_message_resumes_the_workflow_and_the_same_message_twice_has_one_effect()
    {
        var instanceId = await StartAsync("kr-2002");
        var taskId = await TaskIdAsync(instanceId);
        var messageId = NewId.NextGuid();
        var complete = new CompleteTask(taskId, "isd-bollenstreek", "m.jansen", "Afgerond", new Dictionary<string, string?> { ["leerroute"] = "Z", ["pipDatum"] = "2026-05-04" });

        await _partner.SendAsync("inburgering-complete-task", complete, messageId);
        await _partner.SendAsync("inburgering-complete-task", complete, messageId);
        await _consumed.WaitForAsync(messageId, times: 2, Patience);

        var statuses = await _client.WaitForStatusAsync([instanceId], "Completed", Patience);
        var received = await _partner.WaitForAsync(m => m.Any(r => r.Type == "TaskCompleted"), Patience);
        var task = await QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId));
        var audit = await QueryAsync(db => db.TaskAudit.AsNoTracking().Where(a => a.TaskId == taskId).ToListAsync());
        var journal = await _client.JournalAsync(instanceId);
        Assert.Equal("Completed", statuses[instanceId]);
        Assert.Equal((PartnerTaskStatus.Completed, "Afgerond", "m.jansen"), (task.Status, task.Outcome, task.CompletedBy));
        Assert.Single(audit, a => a.Action == TaskAuditAction.Completed);
        Assert.Single(journal, e => e!["kind"]!.GetValue<string>() == "ActivityResumed");
        Assert.Single(received, r => r.Type == "TaskCompleted");
        Assert.Equal(1, await QueryAsync(db => db.ProcessedMessages.CountAsync(p => p.MessageId == messageId.ToString())));
    }

    [Fact]
    public async Task A_malformed_message_lands_in_the_error_queue_with_its_reason_and_is_kept_whole()
    {
        const string body = "{ \"message\": dit is geen json";

        await RawAmqp.PublishAsync(_broker, "inburgering-complete-task", body);

        var errored = Assert.Single(await RawAmqp.TakeAsync(_broker, "inburgering-complete-task_error", 1, Patience));
        Assert.Equal(body, errored.Body);
        Assert.False(string.IsNullOrWhiteSpace(RawAmqp.Text(errored.Headers["MT-Fault-Message"])));
    }

    [Fact]
    public async Task A_message_from_another_organisation_or_with_a_bad_outcome_goes_to_the_error_queue_with_the_reason()
    {
        var instanceId = await StartAsync("kr-2003");
        var taskId = await TaskIdAsync(instanceId);

        await _partner.SendAsync("inburgering-complete-task",
            new CompleteTask(taskId, "vluchtelingenwerk", "p.de.vries", "Afgerond", new Dictionary<string, string?> { ["leerroute"] = "B1", ["pipDatum"] = "2026-05-04" }), NewId.NextGuid());
        await _partner.SendAsync("inburgering-complete-task",
            new CompleteTask(taskId, "isd-bollenstreek", "m.jansen", "Afgerond", new Dictionary<string, string?> { ["leerroute"] = "C1" }), NewId.NextGuid());
        await _partner.SendAsync("inburgering-complete-task",
            new CompleteTask(Guid.NewGuid(), "isd-bollenstreek", "m.jansen", null, new Dictionary<string, string?>()), NewId.NextGuid());

        var errors = await RawAmqp.TakeAsync(_broker, "inburgering-complete-task_error", 3, Patience);
        var reasons = errors.Select(e => RawAmqp.Text(e.Headers["MT-Fault-Message"])).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(reasons, r => r.Contains("organisatie 'vluchtelingenwerk'", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("fields.leerroute", StringComparison.Ordinal) && r.Contains("fields.pipDatum", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("bestaat niet", StringComparison.Ordinal));
        Assert.Equal(PartnerTaskStatus.Open, await QueryAsync(db => db.Tasks.Where(t => t.Id == taskId).Select(t => t.Status).SingleAsync()));
    }

    private async Task<Guid> StartAsync(string klantreisId)
    {
        var response = await _client.PostAsJsonAsync("/api/instances", new { definitionId = "intake", correlationKey = klantreisId, variables = new { naam = "A. Yilmaz" } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private Task<Guid> TaskIdAsync(Guid instanceId) => QueryAsync(db => db.Tasks.Where(t => t.InstanceId == instanceId).Select(t => t.Id).SingleAsync());

    private async Task<T> QueryAsync<T>(Func<WorkflowsDbContext, Task<T>> query)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}

using Inburgering.Testing;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Instances;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Workflows.Tests.Execution;

/// <summary>The runtime on both real databases: the same definitions, the same expectations.</summary>
public sealed class BurstTests
{

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task Start_runs_until_every_path_waits_and_events_complete_the_instance(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(Flows.ForkJoin("drie-takken", 3));

        var id = await h.StartAsync("drie-takken");
        var started = await h.GetAsync(id);
        Assert.Equal(InstanceStatus.Running, started.Status);
        Assert.Equal(["wacht-b1", "wacht-b2", "wacht-b3"], started.WaitingAt);

        await h.DeliverAsync(id, "e2");
        await h.DeliverAsync(id, "e1");
        Assert.Equal(["wacht-b3"], (await h.GetAsync(id)).WaitingAt);
        await h.DeliverAsync(id, "e3");

        var done = await h.GetAsync(id);
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Empty(done.Waits);
        Assert.Equal(3, done.Variables["ontvangen"]!.GetValue<double>());
        Assert.Equal(1, done.Count(JournalKind.ActivityCompleted, "einde"));
        Assert.Equal(Enumerable.Range(1, done.Journal.Count), done.Journal.Select(j => j.Sequence));
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task An_event_that_arrives_before_its_wait_is_kept_and_delivered_when_the_wait_opens(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(new DefinitionBuilder("eerst-brp")
            .Variable("datum", "date")
            .Activity("start", "Start")
            .Activity("kennisgeving", "WaitForEvent", new { @event = "DuoKennisgeving" })
            .Activity("brp", "WaitForEvent", new { @event = "BrpIngeschreven", assign = new { datum = "input.datum" } })
            .Activity("einde", "End")
            .Connect("start", "Verder", "kennisgeving").Connect("kennisgeving", "Ontvangen", "brp").Connect("brp", "Ontvangen", "einde")
            .ToJson());
        var id = await h.StartAsync("eerst-brp");

        await h.DeliverAsync(id, "BrpIngeschreven", new { datum = "2026-02-20" });
        Assert.Equal(["kennisgeving"], (await h.GetAsync(id)).WaitingAt);
        await h.DeliverAsync(id, "DuoKennisgeving");

        var done = await h.GetAsync(id);
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Equal("2026-02-20", done.Variables["datum"]!.GetValue<string>());
        Assert.Equal(1, done.Count(JournalKind.EventQueued));
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task Events_by_correlation_key_reach_the_instance_or_wait_for_it(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(Flows.ForkJoin("correlatie", 1));

        var early = await h.Runner.DeliverEventByCorrelationAsync("klant-7", "e1", null);
        Assert.Empty(early);
        var id = await h.StartAsync("correlatie", correlationKey: "klant-7");

        Assert.Equal(InstanceStatus.Completed, (await h.GetAsync(id)).Status);
        var other = await h.StartAsync("correlatie", correlationKey: "klant-8");
        Assert.Equal([other], await h.Runner.DeliverEventByCorrelationAsync("klant-8", "e1", null));
        Assert.Equal(InstanceStatus.Completed, (await h.GetAsync(other)).Status);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task A_fault_opens_an_incident_and_a_retry_runs_the_activity_again(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(Flows.Failing("rekenfout"));

        var id = await h.StartAsync("rekenfout");
        var faulted = await h.GetAsync(id);
        Assert.Equal(InstanceStatus.Faulted, faulted.Status);
        var incident = Assert.Single(faulted.Incidents);
        Assert.Equal(IncidentStatus.Open, incident.Status);
        Assert.Contains("deler is nul", incident.Message, StringComparison.Ordinal);

        // Still failing: a new incident, the old one resolved.
        await h.Runner.RetryIncidentAsync(incident.Id);
        var again = await h.GetAsync(id);
        Assert.Equal(2, again.Incidents.Count);
        Assert.Equal(IncidentStatus.Resolved, again.Incidents[0].Status);
        Assert.Equal(InstanceStatus.Faulted, again.Status);

        // Retrying a resolved incident does nothing.
        Assert.Equal(BurstOutcomeKind.Ignored, (await h.Runner.RetryIncidentAsync(incident.Id)).Kind);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task OnFault_continue_leaves_by_the_Fout_port_and_keeps_the_incident_for_attention(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(Flows.Failing("doorgaan", onFault: "continue"));

        var view = await h.GetAsync(await h.StartAsync("doorgaan"));

        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal(IncidentStatus.Continued, Assert.Single(view.Incidents).Status);
        Assert.Equal(1, view.Count(JournalKind.ActivityCompleted, "fout-einde"));
        Assert.Equal(0, view.Count(JournalKind.ActivityCompleted, "einde"));
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task Cancel_closes_every_wait_and_later_events_are_ignored(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(Flows.ForkJoin("annuleren", 2));
        var id = await h.StartAsync("annuleren");

        await h.Runner.CancelAsync(id, "verhuisd");
        var outcome = await h.DeliverAsync(id, "e1");

        var view = await h.GetAsync(id);
        Assert.Equal(InstanceStatus.Cancelled, view.Status);
        Assert.Empty(view.Waits);
        Assert.Equal(2, view.Count(JournalKind.WaitCancelled));
        Assert.Equal(BurstOutcomeKind.Ignored, outcome.Kind);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.AllStores), MemberType = typeof(HarnessDatabases))]
    public async Task Instances_stay_on_the_version_they_started_on(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        var v1 = await h.PublishAsync(Flows.ForkJoin("versies", 1));
        var old = await h.StartAsync("versies");
        var v2 = await h.PublishAsync(Flows.ForkJoin("versies", 2));
        var current = await h.StartAsync("versies");

        Assert.Equal((1, 2), (v1, v2));
        Assert.Equal(1, (await h.GetAsync(old)).Instance.DefinitionVersion);
        Assert.Single((await h.GetAsync(old)).Waits);
        Assert.Equal(2, (await h.GetAsync(current)).Waits.Count);
        await h.DeliverAsync(old, "e1");
        Assert.Equal(InstanceStatus.Completed, (await h.GetAsync(old)).Status);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task A_fault_while_mapping_an_event_is_retried_with_the_same_payload(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(new DefinitionBuilder("mapping")
            .Variable("datum", "date").Variable("strikt", "boolean", true)
            .Activity("start", "Start")
            .Activity("wacht", "WaitForEvent", new { @event = "DuoKennisgeving", assign = new { datum = "if (variables.strikt) { throw new Error('mapping kapot'); } input.datum" } })
            .Activity("einde", "End")
            .Connect("start", "Verder", "wacht").Connect("wacht", "Ontvangen", "einde").ToJson());
        var id = await h.StartAsync("mapping");
        await h.DeliverAsync(id, "DuoKennisgeving", new { datum = "2026-03-02" });
        var faulted = await h.GetAsync(id);

        // An operator fixes the data (here: the flag the mapping depends on) and retries: the same payload is mapped.
        await using (var db = await h.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Inburgering.Workflows.Persistence.WorkflowsDbContext>>().CreateDbContextAsync())
        {
            var row = await db.Instances.FindAsync(id);
            var variables = System.Text.Json.Nodes.JsonNode.Parse(row!.VariablesJson)!;
            variables["strikt"] = false;
            row.VariablesJson = variables.ToJsonString();
            row.Version++;
            await db.SaveChangesAsync();
        }
        await h.Runner.RetryIncidentAsync(faulted.Incidents.Single().Id);

        var done = await h.GetAsync(id);
        Assert.Equal(InstanceStatus.Faulted, faulted.Status);
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Equal("2026-03-02", done.Variables["datum"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_variables_of_the_wrong_type_or_undeclared_are_refused_with_each_field()
    {
        await using var h = await WorkflowHarness.CreateAsync();
        await h.PublishAsync(Flows.ForkJoin("variabelen", 1));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => h.StartAsync("variabelen", new { ontvangen = "drie", onbekend = 1 }));

        Assert.Equal(["variables.onbekend", "variables.ontvangen"], error.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }
}

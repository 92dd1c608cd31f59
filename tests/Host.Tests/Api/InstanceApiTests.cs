using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Inburgering.Host.Tests.Infrastructure;
using Inburgering.Testing;
using Inburgering.Workflows.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Host.Tests.Api;

public sealed class InstanceApiTests : IAsyncLifetime
{
    private readonly HostFactory _factory = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        (await _client.PutAsync(new Uri("/api/definitions/api-flow/draft", UriKind.Relative), Json(DefinitionApiTests.Definition().ToJson()))).EnsureSuccessStatusCode();
        (await _client.PostAsync(new Uri("/api/definitions/api-flow/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Start_deliver_and_read_the_journal()
    {
        var started = await _client.PostAsJsonAsync("/api/instances", new { definitionId = "api-flow", correlationKey = "klantreis-1" });
        var instance = await started.Content.ReadFromJsonAsync<JsonObject>();
        var id = instance!["id"]!.GetValue<Guid>();

        var delivered = await _client.PostAsJsonAsync($"/api/instances/{id}/events/DuoKennisgeving", new { payload = new { aantal = 3 } });
        var after = await _client.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");
        var journal = await _client.GetFromJsonAsync<JsonArray>($"/api/instances/{id}/journal");
        var list = await _client.GetFromJsonAsync<JsonObject>("/api/instances?definitionId=api-flow&status=Completed");

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal("wacht", instance["waits"]![0]!["activityKey"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("Completed", after!["status"]!.GetValue<string>());
        Assert.Equal(3, after["variables"]!["teller"]!.GetValue<double>());
        Assert.Contains(journal!, e => e!["kind"]!.GetValue<string>() == "InstanceCompleted");
        Assert.Equal(1, list!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Erasing_needs_a_reason_and_a_finished_klantreis_and_is_recorded_in_the_audit_log()
    {
        var started = await (await _client.PostAsJsonAsync("/api/instances", new { definitionId = "api-flow", correlationKey = "klantreis-wis" })).Content.ReadFromJsonAsync<JsonObject>();
        var id = started!["id"]!.GetValue<Guid>();
        var erase = new Uri($"/api/instances/{id}/erase", UriKind.Relative);

        var noReason = await _client.PostAsJsonAsync(erase, new { reason = " " });
        var running = await _client.PostAsJsonAsync(erase, new { reason = "bewaartermijn verstreken" });
        (await _client.PostAsJsonAsync($"/api/instances/{id}/events/DuoKennisgeving", new { payload = new { aantal = 1 } })).EnsureSuccessStatusCode();
        var erased = await _client.PostAsJsonAsync(erase, new { reason = "bewaartermijn verstreken" });
        var gone = await _client.GetAsync(new Uri($"/api/instances/{id}", UriKind.Relative));
        var again = await _client.PostAsJsonAsync(erase, new { reason = "bewaartermijn verstreken" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull((await noReason.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["reason"]);
        Assert.Equal(HttpStatusCode.Conflict, running.StatusCode);
        Assert.Contains("Running", (await running.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.True((await erased.Content.ReadFromJsonAsync<JsonObject>())!["journalEntries"]!.GetValue<int>() > 0);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var audit = _factory.Services.GetRequiredService<AuditLog>();
        var (records, _) = await audit.ListAsync(new AuditFilter(Action: "klantreis.gewist", Subject: id.ToString()));
        var record = Assert.Single(records);
        Assert.StartsWith("bewaartermijn verstreken (api-flow v1", record.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_klantreis_under_way_is_taken_over_at_the_activity_it_is_at()
    {
        var started = await _client.PostAsJsonAsync("/api/instances", new { definitionId = "api-flow", correlationKey = "overgenomen-1", startAt = new[] { "wacht" } });
        var instance = await started.Content.ReadFromJsonAsync<JsonObject>();
        var journal = await _client.GetFromJsonAsync<JsonArray>($"/api/instances/{instance!["id"]}/journal");

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal("wacht", instance["waits"]![0]!["activityKey"]!.GetValue<string>());
        Assert.StartsWith("Overgenomen op api-flow versie 1: gestart bij 'wacht'", journal![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(journal, e => e!["activityKey"]?.GetValue<string>() == "start");
    }

    [Fact]
    public async Task Events_by_correlation_key_are_queued_then_delivered()
    {
        var queued = await _client.PostAsJsonAsync("/api/events/DuoKennisgeving", new { correlationKey = "klantreis-9", payload = new { aantal = 1 } });
        var started = await (await _client.PostAsJsonAsync("/api/instances", new { definitionId = "api-flow", correlationKey = "klantreis-9" })).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal("Queued", (await queued.Content.ReadFromJsonAsync<JsonObject>())!["outcome"]!.GetValue<string>());
        Assert.Equal("Completed", started!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_event_repeated_with_the_same_Idempotency_Key_reaches_no_instance_twice()
    {
        await _client.PublishAsync("api-twice", new DefinitionBuilder("api-twice")
            .Activity("start", "Start")
            .Activity("een", "WaitForEvent", new { @event = "DuoKennisgeving" })
            .Activity("twee", "WaitForEvent", new { @event = "DuoKennisgeving" })
            .Activity("einde", "End")
            .Connect("start", "Verder", "een").Connect("een", "Ontvangen", "twee").Connect("twee", "Ontvangen", "einde").ToJson());
        var started = await _client.PostAsJsonAsync("/api/instances", new { definitionId = "api-twice", correlationKey = "klantreis-12" });
        var id = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var first = await SendEventAsync("klantreis-12", "poging-1");
        var again = await SendEventAsync("klantreis-12", "poging-1");
        var afterRepeat = await _client.StatusAsync(id);
        var next = await SendEventAsync("klantreis-12", "poging-2");
        var tooLong = await SendEventAsync("klantreis-12", new string('k', 101));

        Assert.Equal("Delivered", (await first.Content.ReadFromJsonAsync<JsonObject>())!["outcome"]!.GetValue<string>());
        Assert.Empty((await again.Content.ReadFromJsonAsync<JsonObject>())!["instances"]!.AsArray());
        Assert.Equal("Running", afterRepeat); // the repeat did not move it on to the end
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("Completed", await _client.StatusAsync(id));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("Idempotency-Key"));
    }

    private async Task<HttpResponseMessage> SendEventAsync(string correlationKey, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/events/DuoKennisgeving", UriKind.Relative))
        {
            Content = JsonContent.Create(new { correlationKey, payload = new { aantal = 1 } }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task Bad_start_requests_get_problem_details_naming_the_field()
    {
        var unknownDefinition = await _client.PostAsJsonAsync("/api/instances", new { definitionId = "bestaat-niet" });
        var wrongType = await _client.PostAsJsonAsync("/api/instances", new { definitionId = "api-flow", variables = new { teller = "veel" } });
        var badJson = await _client.PostAsync(new Uri("/api/instances", UriKind.Relative), Json("{ \"definitionId\": \"api-flow\", \"version\": \"een\" }"));
        var missingId = await _client.PostAsJsonAsync("/api/instances", new { definitionId = "" });
        var unknownStartPoint = await _client.PostAsJsonAsync("/api/instances", new { definitionId = "api-flow", startAt = new[] { "wacht", "bestaat-niet" } });
        var badStatus = await _client.GetAsync(new Uri("/api/instances?status=Bezig", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknownDefinition.StatusCode);
        await AssertFieldAsync(wrongType, "variables.teller", "Does not fit type Number");
        await AssertFieldAsync(badJson, "$.version", "could not be converted");
        await AssertFieldAsync(missingId, "definitionId", "required");
        await AssertFieldAsync(unknownStartPoint, "startAt[1]", "no activity 'bestaat-niet'");
        await AssertFieldAsync(badStatus, "status", "Running");
        var instances = await _client.GetFromJsonAsync<JsonObject>("/api/instances?definitionId=api-flow");
        Assert.Equal(0, instances!["total"]!.GetValue<int>()); // nothing half-started
    }

    [Fact]
    public async Task An_incident_is_listed_and_can_be_retried()
    {
        var failing = new DefinitionBuilder("api-fout").Variable("x", "number", 0)
            .Activity("start", "Start").Activity("kapot", "SetVariable", new { variable = "x", value = "null.y" }).Activity("einde", "End")
            .Connect("start", "Verder", "kapot").Connect("kapot", "Verder", "einde").ToJson();
        await _client.PutAsync(new Uri("/api/definitions/api-fout/draft", UriKind.Relative), Json(failing));
        await _client.PostAsync(new Uri("/api/definitions/api-fout/publish", UriKind.Relative), null);
        var instance = await (await _client.PostAsJsonAsync("/api/instances", new { definitionId = "api-fout" })).Content.ReadFromJsonAsync<JsonObject>();

        var incidents = await _client.GetFromJsonAsync<JsonArray>($"/api/incidents?status=Open&instanceId={instance!["id"]}");
        var retried = await _client.PostAsync(new Uri($"/api/incidents/{incidents![0]!["id"]}/retry", UriKind.Relative), null);
        var all = await _client.GetFromJsonAsync<JsonArray>($"/api/incidents?instanceId={instance["id"]}");

        Assert.Equal("Faulted", instance["status"]!.GetValue<string>());
        Assert.Equal("kapot", incidents[0]!["activityKey"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(["Open", "Resolved"], all!.Select(i => i!["status"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_wait_with_a_statutory_deadline_shows_its_explanation()
    {
        var flow = SampleFlows.Pip("api-termijn");
        await _client.PutAsync(new Uri("/api/definitions/api-termijn/draft", UriKind.Relative), Json(flow));
        await _client.PostAsync(new Uri("/api/definitions/api-termijn/publish", UriKind.Relative), null);

        // 20 February 2027 + 10 weeks = Saturday 1 May 2027: the Atw moves the end to Monday 3 May.
        var started = await (await _client.PostAsJsonAsync("/api/instances", new { definitionId = "api-termijn", variables = new { kennisgevingDatum = "2027-02-20" } }))
            .Content.ReadFromJsonAsync<JsonObject>();
        var deadline = started!["waits"]![0]!["deadline"]!;

        Assert.Equal("2027-05-01", deadline["rawEnd"]!.GetValue<string>());
        Assert.Equal("2027-05-03", deadline["final"]!.GetValue<string>());
        Assert.Equal("Besluit inburgering 2021 art. 5.3 lid 1", deadline["source"]!.GetValue<string>());
        Assert.Contains("Algemene termijnenwet", deadline["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field, string messagePart)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var messages = problem!["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>());
        Assert.Contains(messages, m => m.Contains(messagePart, StringComparison.Ordinal));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public Task DisposeAsync()
    {
        _client.Dispose();
        _factory.Dispose();
        return Task.CompletedTask;
    }
}

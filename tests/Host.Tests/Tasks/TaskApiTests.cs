using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inburgering.Host.Tests.Infrastructure;
using Inburgering.Testing;

namespace Inburgering.Host.Tests.Tasks;

/// <summary>The partner API on the embedded default: authentication, organisation scoping, the form, idempotency.</summary>
public sealed class TaskApiTests : IAsyncLifetime
{
    private readonly HostFactory _factory = new();
    private HttpClient _regie = null!;
    private HttpClient _isd = null!;
    private HttpClient _vwn = null!;
    private Guid _isdTask;
    private Guid _vwnTask;

    public async Task InitializeAsync()
    {
        using var admin = _factory.CreateClient();
        await admin.PublishAsync("intake", SampleFlows.Intake("intake"));
        await admin.PublishAsync("begeleiding", SampleFlows.Intake("begeleiding", organisation: "vluchtelingenwerk"));
        _regie = _factory.CreateClientAs("regie");
        _isd = _factory.CreateClientAs("isd-bollenstreek");
        _vwn = _factory.CreateClientAs("vluchtelingenwerk");
        _isdTask = await StartAndGetTaskAsync("intake", "kr-4001");
        _vwnTask = await StartAndGetTaskAsync("begeleiding", "kr-4002");
    }

    public Task DisposeAsync()
    {
        _regie.Dispose();
        _isd.Dispose();
        _vwn.Dispose();
        return _factory.DisposeAsync().AsTask();
    }

    [Fact]
    public async Task Without_a_valid_token_every_endpoint_but_health_answers_401()
    {
        using var anonymous = _factory.CreateClientAs(null);
        using var wrong = _factory.CreateClientAs("bestaat-niet");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/tasks", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri($"/api/tasks/{_isdTask}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/tasks/{_isdTask}/complete", new { outcome = "NietVerschenen" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/instances", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/definitions", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(new Uri("/api/tasks", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_partner_lists_reads_and_completes_only_its_own_organisations_tasks()
    {
        var isdList = await _isd.GetFromJsonAsync<JsonObject>("/api/tasks");
        var regieList = await _regie.GetFromJsonAsync<JsonObject>("/api/tasks");
        var otherRead = await _vwn.GetAsync(new Uri($"/api/tasks/{_isdTask}", UriKind.Relative));
        var otherComplete = await _vwn.PostAsJsonAsync($"/api/tasks/{_isdTask}/complete", new { outcome = "NietVerschenen" });
        var otherReassign = await _vwn.PostAsJsonAsync($"/api/tasks/{_isdTask}/reassign", new { assignee = "iemand" });
        var otherFilter = await _vwn.GetAsync(new Uri("/api/tasks?organisation=isd-bollenstreek", UriKind.Relative));

        Assert.Equal([_isdTask], Ids(isdList!));
        Assert.Equal([_isdTask, _vwnTask], Ids(regieList!).Order());
        Assert.Equal(HttpStatusCode.NotFound, otherRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherComplete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherReassign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherFilter.StatusCode);
        Assert.Equal("Open", (await _isd.GetFromJsonAsync<JsonObject>($"/api/tasks/{_isdTask}"))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_partner_cannot_reach_the_gemeentes_or_the_coordinators_endpoints()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _isd.GetAsync(new Uri("/api/instances", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _isd.GetAsync(new Uri("/api/definitions", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _isd.PostAsJsonAsync("/api/instances", new { definitionId = "intake" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _regie.PostAsync(new Uri("/api/definitions/intake/publish", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task A_task_shows_its_form_deadline_and_only_the_shared_data()
    {
        var task = await _isd.GetFromJsonAsync<JsonObject>($"/api/tasks/{_isdTask}");

        Assert.Equal("Brede intake afnemen", task!["title"]!.GetValue<string>());
        Assert.Equal(["leerroute", "pipDatum", "uren", "tolk", "toelichting"], task["form"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal(("Statutory", "Brede intake binnen 10 weken"), (task["deadline"]!["kind"]!.GetValue<string>(), task["deadline"]!["rule"]!.GetValue<string>()));
        Assert.Equal("""{"naam":"A. Yilmaz"}""", task["sharedData"]!.ToJsonString());
        Assert.DoesNotContain(SampleFlows.PlantedBsn, task.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Opened", task["audit"]![0]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task Completing_with_form_errors_gets_field_errors_then_a_correct_outcome_completes_once()
    {
        var wrong = await _isd.PostAsJsonAsync($"/api/tasks/{_isdTask}/complete", new { outcome = "Afgerond", fields = new { leerroute = "C1", uren = "veel" } });
        var problem = await wrong.Content.ReadFromJsonAsync<JsonObject>();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/tasks/{_isdTask}/complete", UriKind.Relative))
        {
            Content = JsonContent.Create(new { outcome = "Afgerond", fields = new { leerroute = "B1", pipDatum = "2026-05-04", uren = 12 } }),
        };
        request.Headers.Add("Idempotency-Key", "isd-42");
        var right = await _isd.SendAsync(request);
        var again = await _isd.PostAsJsonAsync($"/api/tasks/{_isdTask}/complete", new { outcome = "NietVerschenen" });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(["fields.leerroute", "fields.pipDatum", "fields.uren"], problem!["errors"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("Completed", (await right.Content.ReadFromJsonAsync<JsonObject>())!["result"]!.GetValue<string>());
        var second = await again.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(("AlreadyCompleted", "Afgerond"), (second!["result"]!.GetValue<string>(), second["task"]!["outcome"]!.GetValue<string>()));
        Assert.Equal("demo-isd-bollenstreek", second["task"]!["completedBy"]!.GetValue<string>());
        Assert.Equal("Completed", await _regie.StatusAsync(await InstanceOfAsync("kr-4001")));
    }

    [Fact]
    public async Task A_task_can_be_reassigned_within_the_organisation_and_the_audit_says_who()
    {
        var response = await _isd.PostAsJsonAsync($"/api/tasks/{_isdTask}/reassign", new { assignee = "s.bakker" });
        var task = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal("s.bakker", task!["assignee"]!.GetValue<string>());
        var reassigned = task["audit"]!.AsArray().Last()!;
        Assert.Equal(("Reassigned", "demo-isd-bollenstreek"), (reassigned["action"]!.GetValue<string>(), reassigned["actor"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_correlation_key_that_contains_a_BSN_is_refused()
    {
        var response = await _regie.PostAsJsonAsync("/api/instances", new { definitionId = "intake", correlationKey = $"klant-{SampleFlows.PlantedBsn}" });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem!["errors"]!.AsObject().ContainsKey("correlationKey"));
    }

    private async Task<Guid> StartAndGetTaskAsync(string definitionId, string klantreisId)
    {
        var response = await _regie.PostAsJsonAsync("/api/instances", new { definitionId, correlationKey = klantreisId, variables = new { bsn = SampleFlows.PlantedBsn, naam = "A. Yilmaz" } });
        response.EnsureSuccessStatusCode();
        var instanceId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var list = await _regie.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={instanceId}");
        return Ids(list!).Single();
    }

    private async Task<Guid> InstanceOfAsync(string klantreisId)
    {
        var list = await _regie.GetFromJsonAsync<JsonObject>($"/api/instances?correlationKey={klantreisId}");
        return list!["items"]![0]!["id"]!.GetValue<Guid>();
    }

    private static List<Guid> Ids(JsonObject page) => page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
}

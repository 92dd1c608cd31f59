using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Inburgering.Host.Tests.Infrastructure;
using Inburgering.Testing;

namespace Inburgering.Host.Tests.Api;

public sealed class DefinitionApiTests : IDisposable
{
    private readonly HostFactory _factory = new();
    private readonly HttpClient _client;

    public DefinitionApiTests() => _client = _factory.CreateClient();

    [Fact]
    public async Task The_definitions_in_workflows_are_seeded_at_start()
    {
        var list = await _client.GetFromJsonAsync<JsonArray>("/api/definitions");

        Assert.Contains(list!, d => d!["id"]!.GetValue<string>() == "voorbeeld-intake-kennisgeving" && d["publishedVersion"]!.GetValue<int>() == 1);
    }

    [Fact]
    public async Task A_draft_with_errors_is_saved_with_them_but_not_published_until_fixed()
    {
        var broken = Definition().Activity("extra", "End").ToJson();

        var saved = await PutDraftAsync("api-flow", broken);
        var refused = await _client.PostAsync(new Uri("/api/definitions/api-flow/publish", UriKind.Relative), null);
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        var fixedDraft = await PutDraftAsync("api-flow", Definition().ToJson());
        var published = await _client.PostAsync(new Uri("/api/definitions/api-flow/publish", UriKind.Relative), null);
        var versions = await _client.GetFromJsonAsync<JsonArray>("/api/definitions/api-flow/versions");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("unreachable-activity", (await saved.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("No path from the start reaches 'extra'", problem!["errors"]!["$.activities[3]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fixedDraft.StatusCode);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("Published", Assert.Single(versions!)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_where_and_nothing_is_saved()
    {
        var response = await PutDraftAsync("kapot", "{ \"id\": \"kapot\", \"activities\": [ ");
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var after = await _client.GetAsync(new Uri("/api/definitions/kapot", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cannot be read at line 1", problem!["errors"]!["$"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Validate_reports_every_error_with_its_path_without_saving()
    {
        var json = Definition().Activity("raar", "Bestaatniet").ToJson();

        var report = await (await _client.PostAsync(new Uri("/api/definitions/validate", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json")))
            .Content.ReadFromJsonAsync<JsonObject>();

        Assert.False(report!["valid"]!.GetValue<bool>());
        Assert.Contains(report["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>() == "$.activities[3].type");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri("/api/definitions/api-flow", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_palette_lists_every_activity_type_with_Dutch_names()
    {
        var types = await _client.GetFromJsonAsync<JsonArray>("/api/activity-types");

        Assert.Contains(types!, t => t!["typeName"]!.GetValue<string>() == "Decision" && t["displayName"]!.GetValue<string>() == "Beslissing");
    }

    internal static DefinitionBuilder Definition() => new DefinitionBuilder("api-flow")
        .Variable("teller", "number", 0)
        .Activity("start", "Start")
        .Activity("wacht", "WaitForEvent", new { @event = "DuoKennisgeving", assign = new { teller = "input.aantal" } })
        .Activity("einde", "End")
        .Connect("start", "Verder", "wacht").Connect("wacht", "Ontvangen", "einde");

    private Task<HttpResponseMessage> PutDraftAsync(string id, string json) =>
        _client.PutAsync(new Uri($"/api/definitions/{id}/draft", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Inburgering.Host.Tests.Infrastructure;

namespace Inburgering.Host.Tests.Api;

/// <summary><c>GET /api/definitions/{id}/diff?from=&amp;to=</c>: what a coordinator sees changed between two versions.</summary>
public sealed class DefinitionDiffApiTests : IDisposable
{
    private readonly HostFactory _factory = new();
    private readonly HttpClient _coordinator;

    public DefinitionDiffApiTests() => _coordinator = _factory.CreateClientAs("coordinator");

    [Fact]
    public async Task The_diff_from_the_published_version_to_the_draft_lists_each_change()
    {
        await _coordinator.PublishAsync("api-flow", DefinitionApiTests.Definition().ToJson());
        var draft = DefinitionApiTests.Definition().Activity("wacht-brp", "WaitForEvent", new { @event = "BrpIngeschreven" }).ToNode();
        var wacht = draft["activities"]![1]!;
        wacht["inputs"]!["event"] = "DuoKennisgevingV2";
        draft["activities"]![2]!["position"] = new JsonObject { ["x"] = 400, ["y"] = 80 };
        (await _coordinator.PutAsync(new Uri("/api/definitions/api-flow/draft", UriKind.Relative), new StringContent(draft.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var response = await _coordinator.GetAsync(new Uri("/api/definitions/api-flow/diff?from=1&to=2", UriKind.Relative));
        var report = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("api-flow", "Published", "Draft"), (report["id"]!.GetValue<string>(), report["from"]!["status"]!.GetValue<string>(), report["to"]!["status"]!.GetValue<string>()));
        Assert.Equal("""{"added":1,"removed":0,"changed":1,"moved":1}""", report["counts"]!.ToJsonString());
        var changes = report["changes"]!.AsArray();
        Assert.Equal(
            [
                ("activiteit", "gewijzigd", "wacht", "Activiteit 'wacht': inputs.event gewijzigd van \"DuoKennisgeving\" naar \"DuoKennisgevingV2\""),
                ("activiteit", "verplaatst", "einde", "Activiteit 'einde' verplaatst: position toegevoegd: {\"x\":400,\"y\":80}"),
                ("activiteit", "toegevoegd", "wacht-brp", "Activiteit 'wacht-brp' (WaitForEvent) toegevoegd"),
            ],
            changes.Select(c => (Text(c, "area"), Text(c, "kind"), Text(c, "key"), Text(c, "summary"))));
        var setting = changes[0]!["settings"]![0]!;
        Assert.Equal(("inputs.event", "\"DuoKennisgeving\"", "\"DuoKennisgevingV2\""), (Text(setting, "path"), Text(setting, "old"), Text(setting, "new")));
        Assert.Equal("""{"key":"wacht-brp","type":"WaitForEvent","inputs":{"event":"BrpIngeschreven"}}""", Text(changes[2], "value"));
    }

    [Fact]
    public async Task A_missing_version_is_404_and_a_missing_or_unreadable_number_is_400()
    {
        await _coordinator.PublishAsync("api-flow", DefinitionApiTests.Definition().ToJson());

        var missing = await _coordinator.GetAsync(new Uri("/api/definitions/api-flow/diff?from=1&to=3", UriKind.Relative));
        var unknown = await _coordinator.GetAsync(new Uri("/api/definitions/bestaat-niet/diff?from=1&to=1", UriKind.Relative));
        var noTo = await _coordinator.GetAsync(new Uri("/api/definitions/api-flow/diff?from=1", UriKind.Relative));
        var zero = await _coordinator.GetAsync(new Uri("/api/definitions/api-flow/diff?from=0&to=1", UriKind.Relative));
        var text = await _coordinator.GetAsync(new Uri("/api/definitions/api-flow/diff?from=een&to=1", UriKind.Relative));
        var same = await _coordinator.GetFromJsonAsync<JsonObject>("/api/definitions/api-flow/diff?from=1&to=1");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Definition 'api-flow' has no version 3.", Text(await missing.Content.ReadFromJsonAsync<JsonObject>(), "detail"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noTo.StatusCode);
        Assert.NotNull((await noTo.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["to"]);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.NotNull((await zero.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["from"]);
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Equal("application/problem+json", text.Content.Headers.ContentType!.MediaType);
        Assert.Empty(same!["changes"]!.AsArray());
    }

    [Fact]
    public async Task A_partner_may_not_compare_versions()
    {
        using var partner = _factory.CreateClientAs("isd-bollenstreek");

        var response = await partner.GetAsync(new Uri("/api/definitions/voorbeeld-intake-kennisgeving/diff?from=1&to=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static string? Text(JsonNode? node, string property) => node?[property]?.GetValue<string>();

    public void Dispose()
    {
        _coordinator.Dispose();
        _factory.Dispose();
    }
}

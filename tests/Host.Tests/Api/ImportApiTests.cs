using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inburgering.Host.Tests.Infrastructure;

namespace Inburgering.Host.Tests.Api;

/// <summary>
/// Taking over many klantreizen under way elsewhere in one request: everything checked before anything starts, one error
/// starts none, a second run of the same file skips what the first started, a dry run starts nothing.
/// </summary>
public sealed class ImportApiTests : IAsyncLifetime
{
    private readonly HostFactory _factory = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        await _client.PublishAsync("api-flow", DefinitionApiTests.Definition().ToJson());
    }

    [Fact]
    public async Task Every_klantreis_is_taken_over_and_the_same_file_again_skips_them()
    {
        var file = new
        {
            definitionId = "api-flow",
            klantreizen = new object[]
            {
                new { correlationKey = "import-1", startAt = new[] { "wacht" }, variables = new { teller = 2 } },
                new { correlationKey = "import-2" },
            },
        };

        var first = await _client.PostAsJsonAsync("/api/instances/import", file);
        var firstResult = await first.Content.ReadFromJsonAsync<JsonObject>();
        var again = await (await _client.PostAsJsonAsync("/api/instances/import", file)).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((2, 0), (firstResult!["started"]!.GetValue<int>(), firstResult["skipped"]!.GetValue<int>()));
        Assert.Equal((0, 2), (again!["started"]!.GetValue<int>(), again["skipped"]!.GetValue<int>()));
        Assert.Equal(Ids(firstResult), Ids(again)); // the same instances, reported, not started twice
        var taken = await _client.GetFromJsonAsync<JsonObject>($"/api/instances/{Ids(firstResult)[0]}");
        var journal = await _client.GetFromJsonAsync<JsonArray>($"/api/instances/{Ids(firstResult)[0]}/journal");
        Assert.Equal(2, taken!["variables"]!["teller"]!.GetValue<double>());
        Assert.StartsWith("Overgenomen op api-flow versie 1: gestart bij 'wacht'", journal![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync());
    }

    [Fact]
    public async Task One_bad_klantreis_starts_none_and_every_error_is_named()
    {
        var response = await _client.PostAsJsonAsync("/api/instances/import", new
        {
            definitionId = "api-flow",
            klantreizen = new object[]
            {
                new { correlationKey = "goed-1" },
                new { correlationKey = "fout-1", startAt = new[] { "bestaat-niet" }, variables = new { teller = "veel" } },
                new { correlationKey = "goed-1" },
                new { correlationKey = "111222333" }, // passes the elfproef: a BSN must not become a klantreis id
                new { startAt = new[] { "wacht" } },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(
            ["klantreizen[1].startAt[0]", "klantreizen[1].variables.teller", "klantreizen[2].correlationKey", "klantreizen[3].correlationKey", "klantreizen[4].correlationKey"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("klantreizen[0]", errors["klantreizen[2].correlationKey"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("BSN", errors["klantreizen[3].correlationKey"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync()); // not even the good one
    }

    [Fact]
    public async Task A_dry_run_reports_and_starts_nothing()
    {
        await _client.PostAsJsonAsync("/api/instances/import", new { definitionId = "api-flow", klantreizen = new[] { new { correlationKey = "al-over" } } });

        var dry = await (await _client.PostAsJsonAsync("/api/instances/import", new
        {
            definitionId = "api-flow",
            dryRun = true,
            klantreizen = new[] { new { correlationKey = "al-over" }, new { correlationKey = "nieuw" } },
        })).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(["skipped", "wouldStart"], dry!["items"]!.AsArray().Select(i => i!["status"]!.GetValue<string>()));
        Assert.Contains("(Running)", dry["items"]![0]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, dry["version"]!.GetValue<int>());
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task An_unknown_definition_or_an_empty_file_is_refused()
    {
        var unknown = await _client.PostAsJsonAsync("/api/instances/import", new { definitionId = "bestaat-niet", klantreizen = new[] { new { correlationKey = "x" } } });
        var empty = await _client.PostAsJsonAsync("/api/instances/import", new { definitionId = "api-flow", klantreizen = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.NotNull((await empty.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["klantreizen"]);
    }

    private static List<string> Ids(JsonObject result) => [.. result["items"]!.AsArray().Select(i => i!["instanceId"]!.GetValue<string>())];

    private async Task<int> CountAsync() =>
        (await _client.GetFromJsonAsync<JsonObject>("/api/instances?definitionId=api-flow"))!["total"]!.GetValue<int>();

    public Task DisposeAsync()
    {
        _client.Dispose();
        _factory.Dispose();
        return Task.CompletedTask;
    }
}

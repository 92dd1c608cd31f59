using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inburgering.Host.Tests.Infrastructure;

namespace Inburgering.Host.Tests.Api;

/// <summary>POST /api/simulations: the seeded klantreis in fake time on a private database; bad settings get ProblemDetails.</summary>
public sealed class SimulationApiTests : IAsyncLifetime
{
    private readonly HostFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_small_forecast_runs_through_the_published_klantreis_and_leaves_live_data_alone()
    {
        using var client = _factory.CreateClientAs("regie");

        var response = await client.PostAsJsonAsync("/api/simulations", new { statushoudersPerYear = 3, gezinsmigrantenPerYear = 1, horizonMonths = 24, seed = 5 });
        var result = await response.Content.ReadFromJsonAsync<JsonObject>();
        using var admin = _factory.CreateClient();
        var live = await admin.GetFromJsonAsync<JsonObject>("/api/instances");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("klantreis-inburgering", 4, 4), (result!["definitionId"]!.GetValue<string>(), result["people"]!.GetValue<int>(), result["instances"]!.GetValue<int>()));
        Assert.True(result["tasks"]!.GetValue<int>() > 20);
        Assert.StartsWith("maand,organisatie,geopend,afgerond,op_tijd,te_laat,verlopen,open_over_termijn\n2027-01,isd-bollenstreek,", result["tasksCsv"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("maand,aantal,bedrag_euro\n", result["finesCsv"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, live!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Settings_out_of_range_are_refused_with_the_field_named()
    {
        using var client = _factory.CreateClientAs("coordinator");

        var negative = await client.PostAsJsonAsync("/api/simulations", new { statushoudersPerYear = -1 });
        // 301 people: one more than a synchronous request runs (well within a minute on the in-memory database).
        var tooMany = await client.PostAsJsonAsync("/api/simulations", new { statushoudersPerYear = 201, gezinsmigrantenPerYear = 100 });

        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.NotNull((await negative.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["statushoudersPerYear"]);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("simulate", (await tooMany.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["statushoudersPerYear"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsaved_document_is_simulated_as_given_and_one_with_errors_is_refused_with_its_paths()
    {
        using var client = _factory.CreateClientAs("coordinator");
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Testing.RepositoryPaths.Workflows, "klantreis-inburgering.json")))!.AsObject();
        var broken = document.DeepClone().AsObject();
        broken["connections"]!.AsArray().Add(new JsonObject { ["from"] = "start", ["outcome"] = "Verder", ["to"] = "nergens" });
        var otherId = document.DeepClone().AsObject();
        otherId["id"] = "andere-klantreis";

        var response = await client.PostAsJsonAsync("/api/simulations", new { statushoudersPerYear = 2, gezinsmigrantenPerYear = 0, horizonMonths = 6, seed = 3, definition = document });
        var result = await response.Content.ReadFromJsonAsync<JsonObject>();
        var refused = await client.PostAsJsonAsync("/api/simulations", new { statushoudersPerYear = 1, definition = broken });
        var wrongId = await client.PostAsJsonAsync("/api/simulations", new { statushoudersPerYear = 1, definition = otherId });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2, null), (result!["people"]!.GetValue<int>(), result["version"]));
        Assert.True(result["instances"]!.GetValue<int>() > 0);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains((await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject(), p => p.Key.StartsWith("$.connections[", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, wrongId.StatusCode);
        Assert.NotNull((await wrongId.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["definition.id"]);
    }

    [Fact]
    public async Task A_partner_may_not_run_simulations()
    {
        using var client = _factory.CreateClientAs("vluchtelingenwerk");

        var response = await client.PostAsJsonAsync("/api/simulations", new { statushoudersPerYear = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

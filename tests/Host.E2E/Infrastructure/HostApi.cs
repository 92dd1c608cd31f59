using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Inburgering.Host.E2E.Infrastructure;

/// <summary>The Host's API as a demo client (the tokens of the embedded default), for set-up and checks beside the browser.</summary>
public sealed class HostApi(BrowserHost host, string role) : IDisposable
{
    private readonly HttpClient _client = new()
    {
        BaseAddress = host.BaseAddress,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", $"demo-{role}") },
    };

    public HttpClient Client => _client;

    /// <summary>Saves and publishes <paramref name="document"/>; fails the test when the server refuses.</summary>
    public async Task PublishAsync(JsonObject document)
    {
        var id = document["id"]!.GetValue<string>();
        using var saved = await _client.PutAsJsonAsync(new Uri($"/api/definitions/{id}/draft", UriKind.Relative), document);
        saved.EnsureSuccessStatusCode();
        using var published = await _client.PostAsync(new Uri($"/api/definitions/{id}/publish", UriKind.Relative), null);
        published.EnsureSuccessStatusCode();
    }

    public async Task<JsonNode> GetAsync(string path) =>
        await _client.GetFromJsonAsync<JsonNode>(new Uri(path, UriKind.Relative)) ?? throw new InvalidOperationException($"{path} returned nothing.");

    public async Task<HttpResponseMessage> PostAsync(string path, object? body) =>
        await _client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);

    public void Dispose() => _client.Dispose();

    /// <summary>Start → a partner task for ISD with a statutory ten-week deadline (the Atw applies) → End.</summary>
    public static JsonObject ThreeSteps(string id) => new()
    {
        ["id"] = id,
        ["name"] = "Drie stappen",
        ["activities"] = new JsonArray(
            new JsonObject { ["key"] = "start", ["type"] = "Start", ["inputs"] = new JsonObject(), ["position"] = new JsonObject { ["x"] = 40, ["y"] = 80 } },
            new JsonObject
            {
                ["key"] = "intake", ["type"] = "PartnerTask", ["displayName"] = "Brede intake",
                ["inputs"] = new JsonObject
                {
                    ["organisation"] = "isd-bollenstreek", ["title"] = "Brede intake afnemen", ["deadline"] = "P10W",
                    ["deadlineKind"] = "wettelijk", ["deadlineRule"] = "Intake binnen 10 weken",
                },
                ["position"] = new JsonObject { ["x"] = 320, ["y"] = 80 },
            },
            new JsonObject { ["key"] = "einde", ["type"] = "End", ["inputs"] = new JsonObject(), ["position"] = new JsonObject { ["x"] = 600, ["y"] = 80 } }),
        ["connections"] = new JsonArray(
            new JsonObject { ["from"] = "start", ["outcome"] = "Verder", ["to"] = "intake" },
            new JsonObject { ["from"] = "intake", ["outcome"] = "Afgerond", ["to"] = "einde" }),
    };
}

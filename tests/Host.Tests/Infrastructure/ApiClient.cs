using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Inburgering.Host.Tests.Infrastructure;

/// <summary>Small helpers over the Host's API for tests that drive it from outside.</summary>
public static class ApiClient
{
    public static async Task PublishAsync(this HttpClient client, string id, string json)
    {
        (await client.PutAsync(new Uri($"/api/definitions/{id}/draft", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await client.PostAsync(new Uri($"/api/definitions/{id}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
    }

    public static async Task<Guid> StartAsync(this HttpClient client, string definitionId)
    {
        var response = await client.PostAsJsonAsync("/api/instances", new { definitionId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    public static async Task<string> StatusAsync(this HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!["status"]!.GetValue<string>();

    public static async Task<JsonArray> JournalAsync(this HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonArray>($"/api/instances/{id}/journal"))!;

    /// <summary>Polls until every instance has the status, or the time runs out; returns the statuses seen last.</summary>
    public static async Task<Dictionary<Guid, string>> WaitForStatusAsync(this HttpClient client, IReadOnlyList<Guid> ids, string status, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Dictionary<Guid, string> seen;
        do
        {
            seen = [];
            foreach (var id in ids)
            {
                seen[id] = await client.StatusAsync(id);
            }
            if (seen.Values.All(s => s == status))
            {
                break;
            }
            await Task.Delay(500);
        }
        while (clock.Elapsed < timeout);
        return seen;
    }
}

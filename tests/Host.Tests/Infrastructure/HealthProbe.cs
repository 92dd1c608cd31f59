using System.Net.Http.Json;
using System.Text.Json;

namespace Inburgering.Host.Tests.Infrastructure;

public sealed record ComponentHealthDto(string Name, string Status, string? Description);

public sealed record HealthDto(string Status, List<ComponentHealthDto> Components);

public static class HealthProbe
{
    /// <summary>
    /// Reads /health until every component is Healthy or the attempts run out (Hangfire's first heartbeat and the bus
    /// start are asynchronous), and returns the last report either way so the assertion shows what was wrong.
    /// </summary>
    public static async Task<HealthDto> ReadUntilHealthyAsync(HttpClient client, int attempts = 60)
    {
        HealthDto? last = null;
        for (var i = 0; i < attempts; i++)
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            last = await response.Content.ReadFromJsonAsync<HealthDto>(JsonSerializerOptions.Web);
            if (last is { Status: "Healthy" })
            {
                return last;
            }
            await Task.Delay(500);
        }
        return last!;
    }
}

using Inburgering.Host.Tests.Infrastructure;

namespace Inburgering.Host.Tests.Health;

public sealed class EmbeddedDefaultHealthTests : IDisposable
{
    private readonly HostFactory _factory = new();

    [Fact]
    public async Task Health_lists_database_scheduler_and_bus_as_healthy_on_the_embedded_default()
    {
        using var client = _factory.CreateClient();

        var health = await HealthProbe.ReadUntilHealthyAsync(client);

        Assert.Equal("Healthy", health.Status);
        Assert.Equal(["bus", "database", "scheduler"], health.Components.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(health.Components, c => Assert.Equal("Healthy", c.Status));
        Assert.Contains("InMemoryStorage", health.Components.Single(c => c.Name == "scheduler").Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_page_is_served_in_Dutch()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains("Systeemstatus", html, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}

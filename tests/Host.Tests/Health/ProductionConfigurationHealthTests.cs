using Inburgering.Host.Tests.Infrastructure;
using Inburgering.Testing;

namespace Inburgering.Host.Tests.Health;

/// <summary>The production configuration (PostgreSQL, Hangfire.PostgreSql, RabbitMQ) selected by settings only.</summary>
public sealed class ProductionConfigurationHealthTests
{
    [Fact]
    public async Task Health_is_green_on_PostgreSQL_Hangfire_PostgreSql_and_RabbitMQ()
    {
        var connectionString = await TestServers.CreatePostgresDatabaseAsync("host");
        using var factory = new HostFactory()
            .WithSetting("Database:Provider", "Postgres")
            .WithSetting("Database:ConnectionString", connectionString)
            .WithSetting("Bus:Transport", "RabbitMq")
            .WithSetting("Bus:RabbitMqUri", TestServers.RabbitMqUri.ToString());
        using var client = factory.CreateClient();

        var health = await HealthProbe.ReadUntilHealthyAsync(client);

        Assert.Equal("Healthy", health.Status);
        Assert.All(health.Components, c => Assert.Equal("Healthy", c.Status));
        Assert.Contains("PostgreSqlStorage", health.Components.Single(c => c.Name == "scheduler").Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_RabbitMq_transport_without_a_broker_address_fails_the_boot_with_the_reason()
    {
        using var factory = new HostFactory().WithSetting("Bus:Transport", "RabbitMq");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Bus:RabbitMqUri is required", error.ToString(), StringComparison.Ordinal);
    }
}

using Inburgering.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Host.Tests.Infrastructure;

/// <summary>
/// The Host in process. By default it runs the embedded default (SQLite in a temp folder, in-memory Hangfire and
/// MassTransit); <see cref="WithSetting"/> switches it to PostgreSQL or RabbitMQ. Settings go in through
/// <c>UseSetting</c> because Program reads the provider choice before the host is built.
/// </summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _folder = new();
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);

    public HostFactory()
    {
        _settings["Database:Provider"] = "Sqlite";
        _settings["Database:ConnectionString"] = $"Data Source={_folder.File("host.db")}";
        _settings["Bus:Transport"] = "InMemory";
        _settings["Workflows:Folder"] = RepositoryPaths.Workflows;
        _settings["Auth:DemoClients"] = "true";
    }

    private readonly List<Action<IServiceCollection>> _services = [];

    public HostFactory WithSetting(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Replaces or adds services after the Host's own registrations (a fake clock, a log capture, observers).</summary>
    public HostFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>PostgreSQL and RabbitMQ (each test its own database and virtual host): the production configuration.</summary>
    public static async Task<HostFactory> ProductionAsync(Uri? broker = null)
    {
        var factory = new HostFactory()
            .WithSetting("Database:Provider", "Postgres")
            .WithSetting("Database:ConnectionString", await TestServers.CreatePostgresDatabaseAsync("host"))
            .WithSetting("Bus:Transport", "RabbitMq")
            .WithSetting("Bus:RabbitMqUri", (broker ?? await TestServers.CreateRabbitMqVirtualHostAsync()).ToString());
        return factory;
    }

    /// <summary>Clients made by <c>CreateClient()</c> act as the demo admin; <see cref="CreateClientAs"/> picks another demo client.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "demo-admin");
    }

    /// <summary>A client with the demo token of a role or organisation (<c>regie</c>, <c>isd-bollenstreek</c>…), or none when null.</summary>
    public HttpClient CreateClientAs(string? demo)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = demo is null ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", $"demo-{demo}");
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }
}

using System.Net;
using Inburgering.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Inburgering.Host.E2E.Infrastructure;

/// <summary>
/// The Host on real Kestrel (127.0.0.1, a free port) on its embedded default, and Debian's Chromium driven by
/// Playwright. No browser download: Playwright is pointed at /usr/bin/chromium.
/// </summary>
public class BrowserHost : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={_folder.File("e2e.db")}");
            builder.UseSetting("Bus:Transport", "InMemory");
            builder.ConfigureServices(ConfigureServices);
        });
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
        await WaitUntilHealthyAsync();

        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium not found at {executable}: install Debian's 'chromium' package (./test.sh does this as root).");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Without the background-networking flags Chromium floods this machine's closed network with refused connections.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>The Host's services as built; for fixtures that need the engine (e.g. to move a fake clock).</summary>
    protected IServiceProvider Services => _factory!.Services;

    /// <summary>Lets a derived fixture replace services (e.g. the clock) before the Host starts.</summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    /// <summary>Hangfire's first heartbeat and the bus start are asynchronous; pages are tested once they are in.</summary>
    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        for (var attempt = 0; attempt < 60; attempt++)
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException("The Host did not become healthy: " + await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        _folder.Dispose();
    }
}

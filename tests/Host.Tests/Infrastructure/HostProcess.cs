using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Inburgering.Testing;

namespace Inburgering.Host.Tests.Infrastructure;

/// <summary>
/// The Host as a real operating-system process (the built Inburgering.Host.dll), so tests can kill it with SIGKILL and
/// run two of them on one database.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringWriterLog _log = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminToken);
    }

    /// <summary>The process runs like production: no demo tokens, one configured admin client known by this token's SHA-256.</summary>
    public const string AdminToken = "test-admin-token-7f3a";

    public Uri Address { get; }

    public HttpClient Client { get; }

    public string Log => _log.ToString();

    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var dll = HostDll();
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["Urls"] = address.ToString();
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Workflows__Folder"] = RepositoryPaths.Workflows;
        info.Environment["Auth__DemoClients"] = "false";
        info.Environment["Auth__Clients__0__Name"] = "test-admin";
        info.Environment["Auth__Clients__0__Role"] = "admin";
        info.Environment["Auth__Clients__0__TokenSha256"] = Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(AdminToken)));
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("The Host process did not start.");
        var host = new HostProcess(process, address);
        process.OutputDataReceived += (_, e) => host._log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => host._log.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilHealthyAsync();
        return host;
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as a crash or an OOM kill would do.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    private async Task WaitUntilHealthyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Host exited with {_process.ExitCode}:\n{Log}");
            }
            try
            {
                using var response = await Client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"The Host did not become healthy in 60 s:\n{Log}");
    }

    /// <summary>The Host built in the same configuration as this test assembly.</summary>
    private static string HostDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepositoryPaths.Root, "src", "Host", "bin", configuration, "net10.0", "Inburgering.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the Host first ({configuration}).", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private sealed class StringWriterLog
    {
        private readonly List<string> _lines = [];

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_lines)
            {
                _lines.Add(line);
                if (_lines.Count > 400)
                {
                    _lines.RemoveAt(0);
                }
            }
        }

        public override string ToString()
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Inburgering.Bench;

/// <summary>
/// P7: the Host as its own operating-system process (the built Inburgering.Host.dll, Release), on its embedded default
/// (SQLite in a temp folder, in-memory bus and Hangfire), so that its memory can be read from /proc without the
/// browser or the bench in it. P4 starts it on the benchmark's PostgreSQL database instead (<c>postgres</c>), to time the
/// dashboard page's server render.
/// </summary>
internal sealed class P7HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly Queue<string> _log = new();

    private P7HostProcess(Process process, Uri address, string folder)
    {
        _process = process;
        Address = address;
        _folder = folder;
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log);
            }
        }
    }

    /// <param name="dll">The Host's Inburgering.Host.dll.</param>
    /// <param name="postgres">A PostgreSQL connection string (the Host migrates it and seeds workflows/ into it, and Hangfire
    /// keeps its jobs there); null: the embedded default's SQLite in a temp folder.</param>
    public static async Task<P7HostProcess> StartAsync(string dll, string? postgres = null)
    {
        var folder = Directory.CreateTempSubdirectory("inburgering-p7-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        string[] database = postgres is null
            ? ["--Database:Provider=Sqlite", $"--Database:ConnectionString=Data Source={Path.Combine(folder, "p7.db")}"]
            : ["--Database:Provider=Postgres", $"--Database:ConnectionString={postgres}"];
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", address.ToString(), .. database, "--Bus:Transport=InMemory", "--Auth:DemoUsers=true", "--Auth:DemoClients=true"])
        {
            // The content root is the build output: appsettings.json, workflows/ and the static web assets manifest are there.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(info) ?? throw new InvalidOperationException("The Host process did not start.");
        var host = new P7HostProcess(process, address, folder);
        process.OutputDataReceived += (_, e) => host.Add(e.Data);
        process.ErrorDataReceived += (_, e) => host.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilHealthyAsync();
        return host;
    }

    /// <summary>The Host's memory now, from /proc/&lt;pid&gt;/status (Linux only).</summary>
    public MemorySample Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        long Kb(string field) =>
            status.FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal)) is { } line
                ? long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)
                : 0;
        return new MemorySample(Kb("VmRSS") / 1024.0, Kb("RssAnon") / 1024.0, Kb("VmHWM") / 1024.0, Kb("Threads"));
    }

    /// <summary>CPU time the Host process has used so far (user + system).</summary>
    public TimeSpan Cpu()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The Host's GC mode as its runtimeconfig.json sets it (the Web SDK turns server GC on).</summary>
    public static string GcMode(string dll)
    {
        var config = Path.ChangeExtension(dll, ".runtimeconfig.json");
        var text = File.Exists(config) ? File.ReadAllText(config) : "";
        return text.Contains("\"System.GC.Server\": true", StringComparison.Ordinal) ? "server GC" : "workstation GC";
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.Enqueue(line);
            if (_log.Count > 200)
            {
                _log.Dequeue();
            }
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Host exited with {_process.ExitCode}:\n{Log}");
            }
            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"The Host did not become healthy in 90 s:\n{Log}");
    }

    /// <summary>The Host built beside this bench (same configuration), unless <c>--p7-host</c> names another.</summary>
    public static string LocateDll(string? given)
    {
        if (given is not null)
        {
            return File.Exists(given) ? Path.GetFullPath(given) : throw new FileNotFoundException("--p7-host: no such file.", given);
        }
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "src", "Host", "bin", configuration, "net10.0", "Inburgering.Host.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }
        throw new FileNotFoundException($"Inburgering.Host.dll ({configuration}) not found above {AppContext.BaseDirectory}; build bench/Bench first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }
}

/// <summary>Resident memory of the Host in MiB: all of it, the anonymous part (heaps, stacks; not mapped files) and the peak.</summary>
internal readonly record struct MemorySample(double RssMiB, double AnonMiB, double PeakMiB, long Threads)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"RSS {RssMiB:F0} MiB (anonymous {AnonMiB:F0} MiB, peak so far {PeakMiB:F0} MiB, {Threads} threads)");
}

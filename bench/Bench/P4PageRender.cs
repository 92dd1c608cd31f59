using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Inburgering.Bench.Stats;

namespace Inburgering.Bench;

/// <summary>
/// P4, second part: the server render of the dashboard page <c>/dashboard</c> on the same 1,000,000 tasks. The Host runs
/// as its own process (<see cref="P7HostProcess"/>, the built Inburgering.Host.dll, Production) on P4's PostgreSQL
/// database, with the in-memory bus and the demo tokens; the bench sends plain HTTP GETs with <c>Authorization: Bearer
/// demo-regie</c>. The page is Blazor interactive server and prerendered, so the response is the HTML rendered after
/// the page's <c>OnInitializedAsync</c> ran its queries (summary, first page, the §8 indicators): what a regie user waits
/// for before the page shows anything. Baselines in the same rounds, rotating the order: the home page <c>/</c> (same
/// layout, only the health checks) and the JSON of <c>/api/reports/overdue</c> (the summary alone) and
/// <c>/api/reports/kpis</c> (the indicators alone). Every response is checked (status 200; the dashboard shows the
/// overdue count the summary gave), so a broken page is not timed.
/// </summary>
internal static partial class P4PageRender
{
    private sealed record Target(string Name, string Path, Func<string, string?> Check)
    {
        public List<double> Headers { get; } = [];

        public List<double> Total { get; } = [];

        public List<double> Cpu { get; } = [];

        public long Bytes { get; set; }
    }

    /// <returns>The p50 of the dashboard's full response in ms (for the summary line).</returns>
    public static async Task<double> RunAsync(BenchOptions options, string connectionString, long overdue, double pageViewP50, TextWriter output)
    {
        var dll = P7HostProcess.LocateDll(options.P7Host);
        var sw = Stopwatch.StartNew();
        await using var host = await P7HostProcess.StartAsync(dll, connectionString);
        output.WriteLine($"P4 page: Host {dll} (Production, {P7HostProcess.GcMode(dll)}, PostgreSQL bench_p4, in-memory bus) healthy after {F(sw.Elapsed.TotalSeconds, 1)} s " +
                         $"(migrations already applied, workflows/ seeded); {Load()}");
        using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(120) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "demo-regie");

        var count = overdue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Target[] targets =
        [
            new("GET /dashboard (HTML, prerendered)", "/dashboard", html =>
                OverdueCard().Match(html) is { Success: true } m
                    ? m.Groups[1].Value == count ? html.Contains("data-testid=\"kpis\"", StringComparison.Ordinal) ? null : "no §8 indicators (data-testid=\"kpis\")"
                        : $"the overdue card shows {m.Groups[1].Value}, the summary {count}"
                    : "no overdue card (data-testid=\"te-laat\") in the HTML"),
            new("baseline: GET / (home page, health checks)", "/", html =>
                html.Contains("data-component=", StringComparison.Ordinal) ? null : "no health report (data-component) in the HTML"),
            new("reference: GET /api/reports/overdue (JSON summary)", "/api/reports/overdue", json =>
                JsonDocument.Parse(json).RootElement.GetProperty("overdue").GetInt64() == overdue ? null : $"overdue is not {count}"),
            new("reference: GET /api/reports/kpis (JSON §8 indicators)", "/api/reports/kpis", json =>
                JsonDocument.Parse(json).RootElement.TryGetProperty("pips", out _) ? null : "no 'pips' in the JSON"),
        ];

        var runs = options.P4PageRuns;
        sw.Restart();
        for (var round = -options.P4PageWarmup; round < runs; round++)
        {
            for (var i = 0; i < targets.Length; i++)
            {
                var target = targets[(i + round + options.P4PageWarmup) % targets.Length];
                var cpu0 = host.Cpu();
                var t0 = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(new Uri(target.Path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
                var headers = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                var body = await response.Content.ReadAsStringAsync();
                var total = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                var cpu = (host.Cpu() - cpu0).TotalMilliseconds;
                var problem = !response.IsSuccessStatusCode ? $"status {(int)response.StatusCode}" : target.Check(body);
                if (problem is not null)
                {
                    throw new InvalidOperationException($"P4 page check: {target.Path}: {problem}.\n{Shorten(body)}\nHost log:\n{host.Log}");
                }
                if (round >= 0)
                {
                    target.Headers.Add(headers);
                    target.Total.Add(total);
                    target.Cpu.Add(cpu);
                    target.Bytes = System.Text.Encoding.UTF8.GetByteCount(body);
                }
            }
        }
        output.WriteLine($"P4 page: {runs} measured rounds after {options.P4PageWarmup} warm-up in {F(sw.Elapsed.TotalSeconds, 1)} s, one request at a time, every target once per round " +
                         $"(rotating); time = until the whole body is read; Host CPU per request from /proc (10 ms ticks); {Load()}");
        var home = Median(targets[1].Total);
        foreach (var target in targets)
        {
            var sorted = target.Total.Order().ToArray();
            output.WriteLine($"P4 {target.Name,-56} p50 {F(Percentile(sorted, 50), 1),8} ms | p95 {F(Percentile(sorted, 95), 1),8} ms | max {F(sorted[^1], 1),8} ms | " +
                             $"headers p50 {F(Median(target.Headers), 1)} ms | {F(target.Bytes / 1024.0, 1)} KiB | Host CPU {F(target.Cpu.Average(), 0)} ms/request | x{F(Percentile(sorted, 50) / home, 1)} home");
        }
        var dashboard = Median(targets[0].Total);
        output.WriteLine($"P4 page: /dashboard p50 {F(dashboard, 0)} ms = x{F(dashboard / home, 1)} the home page; in-process page view (summary + first page + KPIs, above) p50 {F(pageViewP50, 0)} ms, " +
                         $"so render + HTTP + the Host's own pool ≈ {F(dashboard - pageViewP50, 0)} ms; JSON summary + JSON KPIs p50 {F(Median(targets[2].Total) + Median(targets[3].Total), 0)} ms");
        output.WriteLine($"P4 page: Host memory {host.Memory()}");
        return dashboard;
    }

    private static double Median(List<double> times) => Percentile([.. times.Order()], 50);

    private static string Load() =>
        File.Exists("/proc/loadavg") ? $"load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "load average unknown";

    private static string Shorten(string body) => body.Length <= 2000 ? body : body[..2000] + "…";

    [GeneratedRegex("""data-testid="te-laat"[^>]*>\s*<div class="kpi-value">\s*(\d+)\s*</div>""")]
    private static partial Regex OverdueCard();
}

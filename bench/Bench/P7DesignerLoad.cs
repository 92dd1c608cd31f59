using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Inburgering.Bench.Stats;

namespace Inburgering.Bench;

/// <summary>
/// P7: the time until the klantreis (about 100 activities) is interactive in the designer in Chromium, and the Host's
/// memory with the designer open. Baselines in the same run, in the same browser and session, interleaved round by
/// round: the same designer page on a 3-activity definition (so the ratio is the cost of the activities themselves)
/// and the definitions page (a plain Blazor page); for memory, the Host idle after its start.
/// Goal: the klantreis interactive in ≤ 2 s (median of the warm rounds).
/// </summary>
internal static class P7DesignerLoad
{
    public static readonly TimeSpan Goal = TimeSpan.FromSeconds(2);
    public const string Klantreis = "klantreis-inburgering";
    public const string Small = "p7-drie-stappen";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public static async Task<bool> RunAsync(BenchOptions options, TextWriter output)
    {
        var dll = P7HostProcess.LocateDll(options.P7Host);
        var (nodes, links) = Count(Path.Combine(Path.GetDirectoryName(dll)!, "workflows", $"{Klantreis}.json"));
        var started = Stopwatch.StartNew();
        await using var host = await P7HostProcess.StartAsync(dll);
        var startup = started.Elapsed;
        await using var browser = await P7Browser.LaunchAsync();
        output.WriteLine($"== P7 designer: '{Klantreis}' ({nodes} activities, {links} connections) in Chromium {browser.Version} (headless, 1500×900) "
            + $"against the Host as its own process (Release, {P7HostProcess.GcMode(dll)}, SQLite, in-memory bus); {options.P7Rounds} rounds after a first, cold one");
        output.WriteLine($"P7 load average before: {LoadAverage()}");
        output.WriteLine($"P7 Host healthy {startup.TotalSeconds:F1} s after its start");

        await Task.Delay(Settle);
        var idle = host.Memory();
        output.WriteLine($"P7 memory idle (started, nobody signed in): {idle}");

        await PublishAsync(host.Address, SmallDefinition(Small));
        var page = await browser.SignInAsync(host.Address, "coordinator");
        await Task.Delay(Settle);
        var signedIn = host.Memory();
        output.WriteLine($"P7 memory signed in (one tab on the home page): {signedIn}");

        var sides = new Side[]
        {
            new("klantreis", p => P7Browser.OpenDesignerAsync(p, Klantreis, nodes, links)),
            new("3 activities", p => P7Browser.OpenDesignerAsync(p, Small, 3, 2)),
            new("definities", P7Browser.OpenDefinitionsAsync),
        };
        for (var round = 0; round <= options.P7Rounds; round++)
        {
            // The first round opens the klantreis first, on a Host that has not run the designer yet (what the first
            // coordinator after a deployment sees); later rounds alternate the order so drift hits every side alike.
            IEnumerable<Side> order = round == 0 ? sides : round % 2 == 1 ? sides.Reverse() : sides;
            foreach (var side in order)
            {
                await side.OpenAsync(page, host, round == 0);
                if (round == 0 && side == sides[0])
                {
                    // Memory with the designer open, before the rounds leave their garbage behind.
                    await MemoryAsync(host, page, idle, signedIn, options.P7Tabs, nodes, links, output);
                }
            }
            output.WriteLine($"P7 round {round}{(round == 0 ? " (cold)" : "")}: " + string.Join(" | ", sides.Select(s => $"{s.Name} {s.Last!.Brief}")));
        }
        if (options.P7Rounds % 2 == 0)
        {
            await P7Browser.OpenDesignerAsync(page, Klantreis, nodes, links);
        }
        await Task.Delay(Settle);
        var after = host.Memory();
        output.WriteLine($"P7 memory after the rounds ({sides.Length} pages opened {options.P7Rounds + 1} times each), 1 tab on the klantreis: {after} ({after.RssMiB / idle.RssMiB:F2} × idle)");

        output.WriteLine("P7 per page (s since the navigation; warm rounds: median / p95 / max; first = the cold round):");
        foreach (var side in sides)
        {
            output.WriteLine($"P7   {side.Name,-12} interactive {side.Summary(t => t.Interactive)} | first {side.First!.Interactive.TotalSeconds:F2}");
            output.WriteLine($"P7   {"",-12} medians: response {side.Median(t => t.Response):F2}, circuit up {side.Median(t => t.Circuit):F2}, content in DOM {side.Median(t => t.InDom):F2}, "
                + $"click answered after {side.Median(t => t.Click):F2}, links drawn {side.Median(t => t.Drawn):F2}; CPU per open: Host {side.HostCpuMs:F0} ms, Chromium {side.BrowserCpuMs:F0} ms");
        }
        var big = sides[0].Median(t => t.Interactive);
        var small = sides[1].Median(t => t.Interactive);
        var plain = sides[2].Median(t => t.Interactive);
        output.WriteLine($"P7 ratio klantreis / 3-activity designer {big / small:F2} (+{big - small:F2} s for {nodes - 3} more activities, {(big - small) * 1000 / (nodes - 3):F1} ms each); "
            + $"klantreis / definities page {big / plain:F2}; links drawn after {sides[0].Median(t => t.Drawn):F2} s");

        await P7Profile.RunAsync(browser, host.Address, nodes, links, output);
        if (options.Screenshots is { } folder)
        {
            await P7Screenshots.TakeAsync(browser, host.Address, folder, output);
        }
        output.WriteLine($"P7 load average after: {LoadAverage()}");
        var met = TimeSpan.FromSeconds(big) <= Goal;
        output.WriteLine($"P7 klantreis interactive in {big:F2} s (median of {options.P7Rounds} warm rounds; first {sides[0].First!.Interactive.TotalSeconds:F2} s) "
            + $"vs goal ≤ {Goal.TotalSeconds:F0} s: {(met ? "met" : "missed")}");
        return met;
    }

    /// <summary>The Host's memory with the klantreis open in 1 tab (the page as it is), then in <paramref name="tabs"/>, then after closing the extra ones.</summary>
    private static async Task MemoryAsync(P7HostProcess host, IPage page, MemorySample idle, MemorySample signedIn, int tabs, int nodes, int links, TextWriter output)
    {
        await Task.Delay(Settle);
        var oneTab = host.Memory();
        var extra = new List<IPage>();
        for (var i = 1; i < tabs; i++)
        {
            var tab = await page.Context.NewPageAsync();
            await P7Browser.OpenDesignerAsync(tab, Klantreis, nodes, links);
            extra.Add(tab);
        }
        await Task.Delay(Settle);
        var many = host.Memory();
        foreach (var tab in extra)
        {
            await tab.CloseAsync();
        }
        await Task.Delay(Settle + Settle);
        var closed = host.Memory();
        output.WriteLine($"P7 memory designer open on the klantreis, 1 tab: {oneTab}");
        output.WriteLine($"P7 memory designer open on the klantreis, {tabs} tabs: {many}");
        output.WriteLine($"P7 memory after closing {tabs - 1} of them (6 s later): {closed}");
        output.WriteLine($"P7 memory ratio against idle: signed in {signedIn.RssMiB / idle.RssMiB:F2}, designer 1 tab {oneTab.RssMiB / idle.RssMiB:F2}, "
            + $"{tabs} tabs {many.RssMiB / idle.RssMiB:F2}; each further tab +{(many.RssMiB - oneTab.RssMiB) / Math.Max(1, tabs - 1):F1} MiB RSS "
            + $"(+{(many.AnonMiB - oneTab.AnonMiB) / Math.Max(1, tabs - 1):F1} MiB anonymous)");
    }

    /// <summary>Saves and publishes a definition through the API with the demo coordinator's token.</summary>
    internal static async Task PublishAsync(Uri host, JsonObject document, bool publish = true)
    {
        using var client = new HttpClient { BaseAddress = host };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "demo-coordinator");
        var id = document["id"]!.GetValue<string>();
        using var saved = await client.PutAsJsonAsync(new Uri($"/api/definitions/{id}/draft", UriKind.Relative), document);
        if (!saved.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Saving '{id}' failed: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
        }
        if (publish)
        {
            using var published = await client.PostAsync(new Uri($"/api/definitions/{id}/publish", UriKind.Relative), null);
            published.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Start → a partner task for ISD with a ten-week statutory deadline → End (as tests/Host.E2E uses).</summary>
    internal static JsonObject SmallDefinition(string id) => new()
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

    private static (int Nodes, int Links) Count(string file)
    {
        var document = JsonNode.Parse(File.ReadAllText(file))!;
        return (document["activities"]!.AsArray().Count, document["connections"]!.AsArray().Count);
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + $" on {Environment.ProcessorCount} cores" : "n/a";

    /// <summary>One page that is opened every round, with its timings and the CPU the Host and Chromium spent on it.</summary>
    private sealed class Side(string name, Func<IPage, Task<OpenTiming>> open)
    {
        private readonly List<OpenTiming> _warm = [];
        private TimeSpan _hostCpu;
        private TimeSpan _browserCpu;

        public string Name => name;

        public OpenTiming? First { get; private set; }

        public OpenTiming? Last { get; private set; }

        public double HostCpuMs => _hostCpu.TotalMilliseconds / Math.Max(1, _warm.Count);

        public double BrowserCpuMs => _browserCpu.TotalMilliseconds / Math.Max(1, _warm.Count);

        public async Task OpenAsync(IPage page, P7HostProcess host, bool cold)
        {
            var hostCpu = host.Cpu();
            var browserCpu = P7ChromiumCpu.Now();
            var timing = await open(page);
            if (cold)
            {
                First ??= timing;
            }
            else
            {
                _warm.Add(timing);
                _hostCpu += host.Cpu() - hostCpu;
                _browserCpu += P7ChromiumCpu.Now() - browserCpu;
            }
            Last = timing;
        }

        public double Median(Func<OpenTiming, TimeSpan> phase) => Percentile(Sorted(phase), 50);

        public string Summary(Func<OpenTiming, TimeSpan> phase)
        {
            var sorted = Sorted(phase);
            return $"{Percentile(sorted, 50):F2} / {Percentile(sorted, 95):F2} / {sorted[^1]:F2}";
        }

        private double[] Sorted(Func<OpenTiming, TimeSpan> phase) => [.. _warm.Select(t => phase(t).TotalSeconds).Order()];
    }
}

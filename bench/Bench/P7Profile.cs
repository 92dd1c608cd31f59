using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Inburgering.Bench;

/// <summary>
/// P7: where an open of the designer goes, seen from the browser, in one extra open per definition (not part of the
/// timed rounds): the Blazor circuit's WebSocket frames each way, the Z.Blazor.Diagrams JS calls (each port's
/// getBoundingClientRect asked by the server, each node's size reported to the server by its ResizeObserver), and
/// Chromium's own work (script, layout and style time; DOM nodes; JS heap) from the DevTools Performance domain.
/// </summary>
internal static class P7Profile
{
    /// <summary>Counts the Z.Blazor.Diagrams calls by wrapping its global object as its script sets it.</summary>
    private const string CountDiagramCalls =
        """
        (() => {
          const counts = { rect: 0, observe: 0, resize: 0 };
          window.__p7 = counts;
          let value;
          Object.defineProperty(window, 'ZBlazorDiagrams', { configurable: true, get() { return value; }, set(z) {
            const rect = z.getBoundingClientRect;
            z.getBoundingClientRect = e => { counts.rect++; return rect(e); };
            const observe = z.observe;
            z.observe = (e, ref, id) => {
              counts.observe++;
              if (ref && ref.invokeMethodAsync) { const call = ref.invokeMethodAsync.bind(ref); ref.invokeMethodAsync = (...a) => { counts.resize++; return call(...a); }; }
              return observe(e, ref, id);
            };
            value = z;
          } });
        })();
        """;

    /// <summary>The navigation's own milestones and the Blazor negotiation, in ms since the navigation started.</summary>
    private const string NavigationMarks =
        """
        () => {
          const nav = performance.getEntriesByType('navigation')[0];
          const negotiate = performance.getEntriesByType('resource').find(r => r.name.includes('_blazor/negotiate'));
          return { response: nav.responseEnd, dom: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
                   negotiateStart: negotiate ? negotiate.startTime : -1, negotiateEnd: negotiate ? negotiate.responseEnd : -1,
                   elements: document.getElementsByTagName('*').length };
        }
        """;

    public static async Task RunAsync(P7Browser browser, Uri host, int nodes, int links, TextWriter output)
    {
        var page = await browser.SignInAsync(host, "coordinator", CountDiagramCalls);
        var frames = new FrameCounter();
        page.WebSocket += (_, socket) =>
        {
            socket.FrameSent += (_, f) => frames.Add(sent: true, f);
            socket.FrameReceived += (_, f) => frames.Add(sent: false, f);
        };
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");
        foreach (var (name, id, n, l) in new[] { ("klantreis", P7DesignerLoad.Klantreis, nodes, links), ("3 activities", P7DesignerLoad.Small, 3, 2) })
        {
            // Twice: the first open warms this context; the second is the one reported.
            await P7Browser.OpenDesignerAsync(page, id, n, l);
            frames.Reset();
            var timing = await P7Browser.OpenDesignerAsync(page, id, n, l);
            var after = await MetricsAsync(cdp);
            var calls = await page.EvaluateAsync<JsonElement>("() => window.__p7");
            var marks = await page.EvaluateAsync<JsonElement>(NavigationMarks);
            // Chromium's counters start again with each document, so after an open they are that open's.
            double Ms(string metric) => after.GetValueOrDefault(metric) * 1000;
            double Mark(string mark) => marks.GetProperty(mark).GetDouble() / 1000;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"P7 profile {name}: interactive {timing.Interactive.TotalSeconds:F2} s; in the page (s since the navigation): prerendered HTML in {Mark("response"):F2}, "
                + $"DOMContentLoaded {Mark("dom"):F2}, load {Mark("load"):F2}, _blazor/negotiate {Mark("negotiateStart"):F2}–{Mark("negotiateEnd"):F2}; "
                + $"circuit WebSocket frames {frames.Sent} sent ({frames.SentBytes / 1024.0:F0} KiB) / {frames.Received} received ({frames.ReceivedBytes / 1024.0:F0} KiB); "
                + $"diagram JS: {calls.GetProperty("rect").GetInt32()} getBoundingClientRect asked by the server, {calls.GetProperty("observe").GetInt32()} elements observed, "
                + $"{calls.GetProperty("resize").GetInt32()} size reports to the server; Chromium main thread busy {Ms("TaskDuration"):F0} ms (script {Ms("ScriptDuration"):F0}, "
                + $"layout {Ms("LayoutDuration"):F0}, style {Ms("RecalcStyleDuration"):F0}); {marks.GetProperty("elements").GetInt32()} elements, JS heap {after.GetValueOrDefault("JSHeapUsedSize") / 1048576:F1} MiB"));
        }
        await page.Context.CloseAsync();
    }

    private static async Task<Dictionary<string, double>> MetricsAsync(ICDPSession cdp)
    {
        var result = await cdp.SendAsync("Performance.getMetrics");
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (result is { } json && json.TryGetProperty("metrics", out var list))
        {
            foreach (var m in list.EnumerateArray())
            {
                metrics[m.GetProperty("name").GetString()!] = m.GetProperty("value").GetDouble();
            }
        }
        return metrics;
    }

    private sealed class FrameCounter
    {
        private readonly Lock _lock = new();

        public int Sent { get; private set; }

        public int Received { get; private set; }

        public long SentBytes { get; private set; }

        public long ReceivedBytes { get; private set; }

        public void Add(bool sent, IWebSocketFrame frame)
        {
            var size = frame.Binary?.Length ?? frame.Text?.Length ?? 0;
            lock (_lock)
            {
                if (sent)
                {
                    Sent++;
                    SentBytes += size;
                }
                else
                {
                    Received++;
                    ReceivedBytes += size;
                }
            }
        }

        public void Reset()
        {
            lock (_lock)
            {
                Sent = Received = 0;
                SentBytes = ReceivedBytes = 0;
            }
        }
    }
}

using System.Diagnostics;
using Microsoft.Playwright;

namespace Inburgering.Bench;

/// <summary>
/// P7: Debian's Chromium driven by Playwright (no browser download), signed in as a demo user, and one page opened the
/// way a coordinator opens it: a full navigation (a new Blazor circuit each time), timed from the click on a link to
/// the moment the page does what is asked of it.
/// </summary>
internal sealed class P7Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private P7Browser(IPlaywright playwright, IBrowser browser, string version)
    {
        _playwright = playwright;
        Browser = browser;
        Version = version;
    }

    public IBrowser Browser { get; }

    public string Version { get; }

    public static string Executable => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public static async Task<P7Browser> LaunchAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new FileNotFoundException($"Chromium not found at {Executable}: apt-get install chromium (or set CHROMIUM_PATH).", Executable);
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            // The same flags as tests/Host.E2E: without the background-networking ones Chromium floods a closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        return new P7Browser(playwright, browser, browser.Version);
    }

    /// <summary>A fresh context (own cookies, 1500×900) signed in through the login page.</summary>
    public async Task<IPage> SignInAsync(Uri host, string user, string? initScript = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.ToString(),
            ViewportSize = new ViewportSize { Width = 1500, Height = 900 },
        });
        if (initScript is not null)
        {
            await context.AddInitScriptAsync(initScript);
        }
        var page = await context.NewPageAsync();
        await page.GotoAsync("/inloggen");
        await page.SelectOptionAsync("#userName", user);
        await page.FillAsync("#password", "demo");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=ingelogd-als]");
        await page.WaitForSelectorAsync("[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>
    /// Opens a designer page and times it: the response, the circuit up (<c>[data-interactive=true]</c>), all
    /// <paramref name="nodes"/> activities in the DOM, a click on a visible activity answered by the property panel
    /// (that is "interactive"), and all <paramref name="links"/> connections drawn.
    /// </summary>
    public static async Task<OpenTiming> OpenDesignerAsync(IPage page, string id, int nodes, int links)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync($"/ontwerpen/{id}", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        var response = clock.Elapsed;
        await WaitInteractiveAsync(page);
        var circuit = clock.Elapsed;
        await page.WaitForFunctionAsync("n => document.querySelectorAll('.activity-node').length >= n", nodes, new PageWaitForFunctionOptions { Timeout = 60_000 });
        var inDom = clock.Elapsed;
        // A node wholly inside the canvas, clicked in its middle as a user would (the canvas pans, it does not scroll).
        var target = await page.EvaluateAsync<ClickTarget?>(
            """
            () => {
              const canvas = document.querySelector('[data-testid=canvas]').getBoundingClientRect();
              for (const n of document.querySelectorAll('.activity-node')) {
                const r = n.getBoundingClientRect();
                if (r.width > 0 && r.left >= canvas.left && r.top >= canvas.top && r.right <= canvas.right && r.bottom <= canvas.bottom)
                  return { Key: n.dataset.key, X: r.left + r.width / 2, Y: r.top + r.height / 2 };
              }
              return null;
            }
            """) ?? throw new InvalidOperationException($"No activity of '{id}' is wholly inside the canvas.");
        var clickStart = clock.Elapsed;
        await page.Mouse.ClickAsync((float)target.X, (float)target.Y);
        await page.WaitForFunctionAsync("k => document.querySelector('input[data-input=key]')?.value === k", target.Key, new PageWaitForFunctionOptions { Timeout = 60_000 });
        var selected = clock.Elapsed;
        await page.WaitForFunctionAsync(LinksDrawn, links, new PageWaitForFunctionOptions { Timeout = 60_000 });
        var drawn = clock.Elapsed;
        return new OpenTiming(response, circuit, inDom, selected, selected - clickStart, drawn);
    }

    /// <summary>The trivial page: the definitions list, until its circuit is up and a click on "Nieuwe werkstroom" opens the form.</summary>
    public static async Task<OpenTiming> OpenDefinitionsAsync(IPage page)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync("/definities", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        var response = clock.Elapsed;
        await WaitInteractiveAsync(page);
        var circuit = clock.Elapsed;
        await page.WaitForSelectorAsync("[data-testid=werkstromen]");
        var inDom = clock.Elapsed;
        var clickStart = clock.Elapsed;
        await page.ClickAsync("[data-testid=nieuwe-werkstroom]");
        await page.WaitForSelectorAsync("[data-testid=nieuw-formulier]");
        var selected = clock.Elapsed;
        return new OpenTiming(response, circuit, inDom, selected, selected - clickStart, selected);
    }

    /// <summary>A connection is drawn once its path has a shape (Z.Blazor.Diagrams draws it after measuring both ports).</summary>
    public const string LinksDrawn =
        "n => [...document.querySelectorAll('g.diagram-link')].filter(g => { const p = g.querySelector('path'); return p && (p.getAttribute('d') || '').length > 0; }).length >= n";

    public static Task WaitInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>Filled by Playwright from the page's answer (it needs a parameterless constructor and setters).</summary>
    private sealed class ClickTarget
    {
        public string Key { get; set; } = "";

        public double X { get; set; }

        public double Y { get; set; }
    }
}

/// <summary>Times since the navigation started: response, circuit up, content in the DOM, click answered (interactive), links drawn.</summary>
internal sealed record OpenTiming(TimeSpan Response, TimeSpan Circuit, TimeSpan InDom, TimeSpan Interactive, TimeSpan Click, TimeSpan Drawn)
{
    public string Brief => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Interactive.TotalSeconds:F2} s (circuit {Circuit.TotalSeconds:F2}, DOM {InDom.TotalSeconds:F2}, click {Click.TotalSeconds:F2}, links {Drawn.TotalSeconds:F2})");
}

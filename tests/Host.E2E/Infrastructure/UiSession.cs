using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inburgering.Host.E2E.Infrastructure;

/// <summary>Signing in on the login page and waiting until a Blazor page has come alive (its circuit connected).</summary>
public static class UiSession
{
    /// <summary>A fresh browser context (own cookies) signed in as a demo user, e.g. <c>coordinator</c>, <c>regie</c> or an organisation id.</summary>
    public static async Task<IPage> SignInAsync(BrowserHost host, string user, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1500, Height = 900 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path ?? "/");
        await page.SelectOptionAsync("#userName", user);
        await page.FillAsync("#password", "demo");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("[data-testid=ingelogd-als]")).ToBeVisibleAsync();
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>Blazor Server prerenders; clicks only work once the circuit is up, which the layout marks.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

    public static async Task CloseAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Context.CloseAsync();
    }
}

using Inburgering.Host.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inburgering.Host.E2E;

public sealed class LoginTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_page_sends_a_stranger_to_the_login_page_which_refuses_a_wrong_password_and_returns_after_the_right_one()
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/definities");
        Assert.Contains("/inloggen", page.Url, StringComparison.Ordinal);
        await page.SelectOptionAsync("#userName", "coordinator");
        await page.FillAsync("#password", "geraden");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("[data-testid=login-fout]")).ToBeVisibleAsync();

        await page.FillAsync("#password", "demo");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/definities");
        await Expect(page.Locator("[data-testid=werkstromen]")).ToBeVisibleAsync();

        await UiSession.WaitUntilInteractiveAsync(page);
        await page.ClickAsync("[data-testid=uitloggen]");
        await page.WaitForURLAsync("**/inloggen?afgemeld=1");
        await Expect(page.Locator("[data-testid=afgemeld]")).ToHaveTextAsync("U bent afgemeld.");
        await page.GotoAsync("/definities");
        Assert.Contains("/inloggen", page.Url, StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_partner_cannot_open_the_definitions_or_the_designer_by_address()
    {
        var page = await UiSession.SignInAsync(host, "isd-bollenstreek");
        await Expect(page.Locator("[data-testid=nav-definities]")).ToHaveCountAsync(0);

        await page.GotoAsync("/definities");
        await Expect(page.Locator("[data-testid=geen-toegang]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=werkstromen]")).ToHaveCountAsync(0);

        await page.GotoAsync("/ontwerpen/klantreis-inburgering");
        await Expect(page.Locator("[data-testid=geen-toegang]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=ontwerper]")).ToHaveCountAsync(0);
        await UiSession.CloseAsync(page);
    }
}

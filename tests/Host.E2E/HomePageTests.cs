using Inburgering.Host.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inburgering.Host.E2E;

public sealed class HomePageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Home_page_shows_the_title_and_every_component_healthy_in_Dutch()
    {
        var page = await UiSession.SignInAsync(host, "regie");

        await Expect(page.Locator("h3")).ToHaveTextAsync("Inburgering.Workflows");
        await Expect(page.Locator("tr[data-component]")).ToHaveCountAsync(3);
        foreach (var component in new[] { "database", "scheduler", "bus" })
        {
            await Expect(page.Locator($"tr[data-component='{component}']")).ToContainTextAsync("In orde");
        }
        await UiSession.CloseAsync(page);
    }
}

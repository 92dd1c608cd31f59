using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inburgering.Host.E2E.Infrastructure;

/// <summary>What a coordinator does with the mouse in the designer, in the words of the test.</summary>
public sealed class DesignerDriver(IPage page)
{
    public ILocator Canvas => page.Locator("[data-testid=canvas]");

    /// <summary>Drags an activity type from the palette onto the canvas at a point relative to the canvas.</summary>
    public async Task DropAsync(string type, float x, float y)
    {
        var before = await page.Locator($".activity-node[data-type={type}]").CountAsync();
        await page.Locator($".palette-item[data-type={type}]").DragToAsync(Canvas, new LocatorDragToOptions { TargetPosition = new TargetPosition { X = x, Y = y } });
        await Expect(page.Locator($".activity-node[data-type={type}]")).ToHaveCountAsync(before + 1);
    }

    /// <summary>Drags from an outcome port (<c>key:Outcome</c>) to another activity's input port.</summary>
    public async Task ConnectAsync(string outcomePort, string targetKey)
    {
        var links = await page.Locator("g.diagram-link").CountAsync();
        var from = await Center($"[data-port-id='{outcomePort}']");
        var to = await Center($"[data-port-id='{targetKey}:in']");
        await page.Mouse.MoveAsync(from.X, from.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(to.X, to.Y, new MouseMoveOptions { Steps = 10 });
        await page.Mouse.UpAsync();
        await Expect(page.Locator("g.diagram-link")).ToHaveCountAsync(links + 1);
    }

    public async Task SelectAsync(string key)
    {
        await page.Locator($".activity-node[data-key='{key}']").ClickAsync();
        await Expect(page.Locator("input[data-input=key]")).ToHaveValueAsync(key);
    }

    /// <summary>Types into a text input of the selected activity and leaves it (the value is taken on change).</summary>
    public async Task TypeAsync(string input, string text)
    {
        var field = page.Locator($"input[data-input={input}], textarea[data-input={input}]").First;
        await field.FillAsync(text);
        await field.PressAsync("Tab");
    }

    /// <summary>Picks an option in a MudSelect by its visible text.</summary>
    public async Task ChooseAsync(string input, string optionText)
    {
        await page.Locator($"[data-input-name={input}] .mud-input-control").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = optionText }).First.ClickAsync();
    }

    public async Task SetDurationAsync(string input, int amount)
    {
        var field = page.Locator($"[data-input={input}] input[data-part=amount]");
        await field.FillAsync(amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await field.PressAsync("Tab");
    }

    /// <summary>
    /// Opens a tab of the side panel. A click that lands while the page is still rendering after its circuit came up can
    /// be lost (on a loaded CI machine it was), so it clicks until the tab is the active one.
    /// </summary>
    public async Task OpenTabAsync(string title)
    {
        var tab = page.Locator(".mud-tab", new PageLocatorOptions { HasText = title }).First;
        for (var attempt = 1; ; attempt++)
        {
            await tab.ClickAsync();
            try
            {
                await Expect(tab).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bmud-tab-active\b"), new LocatorAssertionsToHaveClassOptions { Timeout = 10_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
                // not active yet: click again
            }
        }
    }

    private async Task<(float X, float Y)> Center(string selector)
    {
        var box = await page.Locator(selector).BoundingBoxAsync() ?? throw new InvalidOperationException($"{selector} is not on screen.");
        return (box.X + box.Width / 2, box.Y + box.Height / 2);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Inburgering.Bench;

/// <summary>
/// <c>bench/run.sh p7 --screenshots docs/images</c>: the pictures in docs/ remade from the running Host (1500×900 PNGs),
/// after the measurements so they do not disturb them.
/// </summary>
internal static class P7Screenshots
{
    private const string WithErrors = "p7-met-fouten";

    public static async Task TakeAsync(P7Browser browser, Uri host, string folder, TextWriter output)
    {
        Directory.CreateDirectory(folder);
        await P7DesignerLoad.PublishAsync(host, DefinitionWithErrors(), publish: false);
        var page = await browser.SignInAsync(host, "coordinator");
        var timeout = new PageWaitForFunctionOptions { Timeout = 120_000 };

        await page.GotoAsync("/definities");
        await P7Browser.WaitInteractiveAsync(page);
        await page.WaitForSelectorAsync("[data-testid=werkstromen]");
        await SaveAsync(page, folder, "werkstromen.png", output);

        await OpenKlantreisAsync(page);
        await page.ClickAsync("[data-testid=passend]");
        await page.Mouse.MoveAsync(700, 890); // away from the button, so its tooltip is gone
        await page.WaitForTimeoutAsync(800);
        await SaveAsync(page, folder, "designer-klantreis.png", output);

        // At the first zoom a partner task is readable: click the top of the first one whose top-left corner is on the
        // canvas, with the mouse at a point (a locator's click would scroll the page to show the whole node).
        await OpenKlantreisAsync(page);
        var target = await page.EvaluateAsync<JsonElement>(
            """
            () => {
              const canvas = document.querySelector('[data-testid=canvas]').getBoundingClientRect();
              for (const n of document.querySelectorAll('.activity-node[data-type=PartnerTask]')) {
                const r = n.getBoundingClientRect();
                if (r.left >= canvas.left && r.top >= canvas.top && r.left + 40 <= canvas.right && r.top + 20 <= canvas.bottom)
                  return { key: n.dataset.key, x: r.left + 30, y: r.top + 12 };
              }
              return null;
            }
            """);
        if (target.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException("No partner task is on the canvas at the first zoom.");
        }
        var key = target.GetProperty("key").GetString();
        await page.Mouse.ClickAsync((float)target.GetProperty("x").GetDouble(), (float)target.GetProperty("y").GetDouble());
        await page.WaitForFunctionAsync("k => document.querySelector('input[data-input=key]')?.value === k", key, timeout);
        await page.WaitForTimeoutAsync(300);
        await SaveAsync(page, folder, "designer-eigenschappen.png", output);

        await page.GotoAsync($"/ontwerpen/{WithErrors}");
        await P7Browser.WaitInteractiveAsync(page);
        await page.WaitForFunctionAsync(P7Browser.LinksDrawn, 1, timeout);
        await page.Locator(".mud-tab", new PageLocatorOptions { HasText = "Controle" }).First.ClickAsync();
        await page.WaitForSelectorAsync(".validation-error");
        await page.WaitForTimeoutAsync(300);
        await SaveAsync(page, folder, "designer-controle.png", output);

        await OpenKlantreisAsync(page);
        await page.Locator(".mud-tab", new PageLocatorOptions { HasText = "Uitproberen" }).First.ClickAsync();
        await page.ClickAsync("[data-testid=proef-start-knop]");
        await page.WaitForSelectorAsync("[data-testid=proef-tijdlijn]", new PageWaitForSelectorOptions { Timeout = 120_000 });
        // Show the timeline at the top of the side panel, and the page itself unscrolled.
        await page.EvaluateAsync("() => { document.querySelector('[data-testid=proef-start-knop]').scrollIntoView({ block: 'start' }); window.scrollTo(0, 0); }");
        await page.WaitForTimeoutAsync(300);
        await SaveAsync(page, folder, "designer-uitproberen.png", output);
        await page.Context.CloseAsync();
    }

    private static async Task OpenKlantreisAsync(IPage page)
    {
        await page.GotoAsync($"/ontwerpen/{P7DesignerLoad.Klantreis}");
        await P7Browser.WaitInteractiveAsync(page);
        await page.WaitForSelectorAsync(".activity-node");
        await page.WaitForFunctionAsync(
            "() => { const n = document.querySelectorAll('g.diagram-link').length; return n > 0 && [...document.querySelectorAll('g.diagram-link path')].filter(p => p.getAttribute('d')).length >= n; }",
            null, new PageWaitForFunctionOptions { Timeout = 120_000 });
    }

    private static async Task SaveAsync(IPage page, string folder, string name, TextWriter output)
    {
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Type = ScreenshotType.Png });
        output.WriteLine($"P7 screenshot {path} ({new FileInfo(path).Length / 1024} KiB)");
    }

    /// <summary>Start → a partner task without a title whose outcome leads nowhere, and an End nothing reaches: a draft with errors.</summary>
    private static JsonObject DefinitionWithErrors()
    {
        var document = P7DesignerLoad.SmallDefinition(WithErrors);
        document["name"] = "Intake (concept met fouten)";
        document["activities"]![1]!["inputs"]!.AsObject().Remove("title");
        document["connections"]!.AsArray().RemoveAt(1);
        return document;
    }
}

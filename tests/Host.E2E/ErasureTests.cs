using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inburgering.Host.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inburgering.Host.E2E;

/// <summary>The regie erases a finished klantreis from its page (Besluit 9.9), in Chromium.</summary>
public sealed class ErasureTests(FakeClockHost host) : IClassFixture<FakeClockHost>
{
    [Fact]
    public async Task The_regie_erases_a_cancelled_klantreis_after_giving_a_reason_and_confirming()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        using var coordinator = new HostApi(host, "coordinator");
        await coordinator.PublishAsync(new JsonObject
        {
            ["id"] = $"wis-{suffix}",
            ["name"] = "Wissen",
            ["activities"] = new JsonArray(
                new JsonObject { ["key"] = "start", ["type"] = "Start", ["inputs"] = new JsonObject() },
                new JsonObject { ["key"] = "wacht", ["type"] = "WaitForEvent", ["inputs"] = new JsonObject { ["event"] = "DuoKennisgeving" } },
                new JsonObject { ["key"] = "einde", ["type"] = "End", ["inputs"] = new JsonObject() }),
            ["connections"] = new JsonArray(
                new JsonObject { ["from"] = "start", ["outcome"] = "Verder", ["to"] = "wacht" },
                new JsonObject { ["from"] = "wacht", ["outcome"] = "Ontvangen", ["to"] = "einde" }),
        });
        using var regieApi = new HostApi(host, "regie");
        using var started = await regieApi.PostAsync("/api/instances", new { definitionId = $"wis-{suffix}", correlationKey = $"kr-wis-{suffix}" });
        var id = (await started.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();

        // Running: the page offers no erasure.
        var regie = await UiSession.SignInAsync(host, "regie", $"/klantreizen/{id}");
        await UiSession.WaitUntilInteractiveAsync(regie);
        await Expect(regie.Locator("[data-testid=persoon]")).ToBeVisibleAsync();
        await Expect(regie.Locator("[data-testid=wissen]")).ToHaveCountAsync(0);

        // Cancelled: it does, and the button waits for a reason and the confirmation.
        using (var cancelled = await regieApi.PostAsync($"/api/instances/{id}/cancel", new { reason = "overleden" }))
        {
            Assert.True(cancelled.IsSuccessStatusCode);
        }
        await regie.ReloadAsync();
        await UiSession.WaitUntilInteractiveAsync(regie);
        var button = regie.Locator("[data-testid=wis-knop]");
        await Expect(button).ToBeDisabledAsync();
        await regie.Locator("input[data-testid=wis-reden], [data-testid=wis-reden] input").First.FillAsync("overleden");
        await regie.Locator("input[data-testid=wis-bevestig], [data-testid=wis-bevestig] input").First.CheckAsync();
        await Expect(button).ToBeEnabledAsync();
        await button.ClickAsync();
        await Expect(regie.Locator("[data-testid=gewist]")).ToContainTextAsync("Het dossier is gewist");

        // Gone from the API; the erasure is in the audit log.
        using var gone = await regieApi.Client.GetAsync(new Uri($"/api/instances/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var admin = new HostApi(host, "admin");
        var audit = await admin.GetAsync($"/api/audit?action=klantreis.gewist&subject={id}");
        Assert.Contains("overleden", Assert.Single(audit["items"]!.AsArray())!["details"]!.GetValue<string>(), StringComparison.Ordinal);
        await UiSession.CloseAsync(regie);
    }
}

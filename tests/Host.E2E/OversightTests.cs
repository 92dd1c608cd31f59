using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inburgering.Host.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inburgering.Host.E2E;

/// <summary>Issue 8's "done when": the partner inbox, the regie dashboard and the fake clock, in Chromium.</summary>
public sealed class OversightTests(FakeClockHost host) : IClassFixture<FakeClockHost>
{
    [Fact]
    public async Task A_partner_completes_its_task_after_a_form_error_the_dashboard_follows_and_the_fake_clock_makes_the_other_task_overdue_and_escalated()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        using var coordinator = new HostApi(host, "coordinator");
        await coordinator.PublishAsync(Intake($"isd-{suffix}", "isd-bollenstreek", "Brede intake afnemen"));
        await coordinator.PublishAsync(Intake($"vwn-{suffix}", "vluchtelingenwerk", "Maatschappelijke begeleiding starten"));
        using var regieApi = new HostApi(host, "regie");
        var isdTask = await StartAsync(regieApi, $"isd-{suffix}", $"kr-isd-{suffix}");
        var vwnTask = await StartAsync(regieApi, $"vwn-{suffix}", $"kr-vwn-{suffix}");

        // The partner sees its own organisation's task only, and cannot reach another's by address.
        var partner = await UiSession.SignInAsync(host, "isd-bollenstreek", "/inbox");
        await Expect(partner.Locator($"[data-testid=inbox] tr[data-task='{isdTask}']")).ToBeVisibleAsync();
        await Expect(partner.Locator($"[data-testid=inbox] tr[data-task='{vwnTask}']")).ToHaveCountAsync(0);
        await partner.GotoAsync($"/taken/{vwnTask}");
        await Expect(partner.Locator("[data-testid=geen-toegang]")).ToBeVisibleAsync();
        await Expect(partner.Locator("[data-testid=uitkomstformulier]")).ToHaveCountAsync(0);
        await partner.GotoAsync("/dashboard");
        await Expect(partner.Locator("[data-testid=geen-toegang]")).ToBeVisibleAsync();

        // Complete it: first without the required date (a clear error, nothing changes), then correctly.
        await partner.GotoAsync($"/taken/{isdTask}");
        await UiSession.WaitUntilInteractiveAsync(partner);
        await Expect(partner.Locator("[data-testid=gegevens]")).ToContainTextAsync("A. Haddad");
        await partner.ClickAsync("[data-outcome=Afgerond]");
        await Expect(partner.Locator("[data-field=intakeDatum] .field-error")).ToBeVisibleAsync();
        await Expect(partner.Locator("[data-testid=taakstatus]")).ToHaveTextAsync("open");
        await partner.FillAsync("input[data-input=intakeDatum]", "2026-09-10");
        await partner.ClickAsync("[data-outcome=Afgerond]");
        await Expect(partner.Locator("[data-testid=bevestiging]")).ToContainTextAsync("Afgerond");
        await Expect(partner.Locator("[data-testid=taakstatus]")).ToContainTextAsync("afgerond");

        // The regie dashboard: the completed task is no longer open; the other one is open and not yet late.
        var regie = await UiSession.SignInAsync(host, "regie", "/dashboard");
        await regie.Locator("[data-input-name=scope], [data-input=scope]").First.Locator("xpath=ancestor::div[contains(@class,'mud-input-control')]").First.ClickAsync();
        await regie.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = "alle open taken" }).ClickAsync();
        await Expect(regie.Locator($"[data-testid=takenlijst] tr[data-task='{vwnTask}']")).ToBeVisibleAsync();
        await Expect(regie.Locator($"[data-testid=takenlijst] tr[data-task='{isdTask}']")).ToHaveCountAsync(0);
        await Expect(regie.Locator($"tr[data-task='{vwnTask}'] [data-dagen-te-laat]")).ToHaveAttributeAsync("data-dagen-te-laat", "0");

        // Past the two-week deadline: the deadline timer fires and escalates, and the dashboard shows it overdue.
        // (Sign-in cookies follow the clock too: sixteen days on, the regie signs in again.)
        await host.AdvanceAsync(TimeSpan.FromDays(16));
        await UiSession.CloseAsync(regie);
        regie = await UiSession.SignInAsync(host, "regie", "/dashboard");
        var row = regie.Locator($"[data-testid=takenlijst] tr[data-task='{vwnTask}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator("[data-escalaties]")).ToHaveAttributeAsync("data-escalaties", "1");
        await Expect(row.Locator("[data-dagen-te-laat]")).Not.ToHaveAttributeAsync("data-dagen-te-laat", "0");
        await Expect(regie.Locator("[data-testid=per-partner] .count-bar[data-key=vluchtelingenwerk]")).ToBeVisibleAsync();

        var vwn = await UiSession.SignInAsync(host, "vluchtelingenwerk", "/inbox");
        await Expect(vwn.Locator($"tr[data-task='{vwnTask}'] [data-status=te-laat]")).ToContainTextAsync("geëscaleerd");
        await Expect(vwn.Locator("[data-testid=signalen] tr[data-signal=Overdue]")).Not.ToHaveCountAsync(0);

        // The klantreis page for the regie shows the person, and the read is in the audit log.
        await regie.ClickAsync($"tr[data-task='{vwnTask}'] a");
        await Expect(regie.Locator("[data-testid=persoon]")).ToContainTextAsync("A. Haddad");
        using var admin = new HostApi(host, "admin");
        var audit = await admin.GetAsync("/api/audit?actor=regie&action=klantreis.bekeken");
        Assert.NotEmpty(audit["items"]!.AsArray());

        foreach (var page in new[] { partner, regie, vwn })
        {
            await UiSession.CloseAsync(page);
        }
    }

    private static async Task<string> StartAsync(HostApi api, string definitionId, string klantreis)
    {
        using var started = await api.PostAsync("/api/instances", new
        {
            definitionId,
            correlationKey = klantreis,
            variables = new { naam = "A. Haddad", bsn = "999990019" },
        });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();
        var tasks = await api.GetAsync($"/api/tasks?instanceId={instanceId}");
        return Assert.Single(tasks["items"]!.AsArray())!["id"]!.GetValue<string>();
    }

    /// <summary>Start → a partner task with a required date, sharing the name (never the BSN), due in two weeks → End.</summary>
    private static JsonObject Intake(string id, string organisation, string title) => new()
    {
        ["id"] = id,
        ["name"] = title,
        ["variables"] = new JsonArray(
            new JsonObject { ["name"] = "naam", ["type"] = "text" },
            new JsonObject { ["name"] = "bsn", ["type"] = "text", ["sensitive"] = true }),
        ["activities"] = new JsonArray(
            new JsonObject { ["key"] = "start", ["type"] = "Start", ["inputs"] = new JsonObject() },
            new JsonObject
            {
                ["key"] = "taak", ["type"] = "PartnerTask",
                ["inputs"] = new JsonObject
                {
                    ["organisation"] = organisation, ["title"] = title, ["instructions"] = "Plan het gesprek en leg de datum vast.",
                    ["deadline"] = "P2W", ["reminders"] = new JsonArray("P2WD"), ["share"] = new JsonArray("naam"),
                    ["form"] = new JsonObject
                    {
                        ["fields"] = new JsonArray(new JsonObject { ["name"] = "intakeDatum", ["label"] = "Datum gesprek", ["type"] = "date", ["required"] = true }),
                        ["outcomes"] = new JsonArray(new JsonObject { ["name"] = "Afgerond", ["label"] = "Afgerond" }),
                    },
                },
            },
            new JsonObject { ["key"] = "einde", ["type"] = "End", ["inputs"] = new JsonObject() }),
        ["connections"] = new JsonArray(
            new JsonObject { ["from"] = "start", ["outcome"] = "Verder", ["to"] = "taak" },
            new JsonObject { ["from"] = "taak", ["outcome"] = "Afgerond", ["to"] = "einde" }),
    };
}

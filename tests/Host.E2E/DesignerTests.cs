using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inburgering.Host.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inburgering.Host.E2E;

/// <summary>The coordinator's designer in Chromium against the Host (issue 7's "done when").</summary>
public sealed class DesignerTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_coordinator_builds_three_steps_from_an_empty_canvas_fixes_the_open_port_and_publishes_and_an_instance_opens_the_task()
    {
        var id = $"drie-stappen-{Guid.NewGuid():N}"[..24];
        var page = await UiSession.SignInAsync(host, "coordinator", "/definities");
        await page.ClickAsync("[data-testid=nieuwe-werkstroom]");
        await page.FillAsync("input[data-input=nieuw-id]", id);
        await page.FillAsync("input[data-input=nieuw-naam]", "Drie stappen");
        await page.ClickAsync("[data-testid=aanmaken]");
        await Expect(page.Locator("[data-testid=canvas] .diagram-canvas")).ToBeVisibleAsync();
        var designer = new DesignerDriver(page);

        await designer.DropAsync("Start", 60, 100);
        await designer.DropAsync("PartnerTask", 330, 100);
        await designer.DropAsync("End", 620, 100);
        await designer.ConnectAsync("start-1:Verder", "partner-task-1");
        await designer.SelectAsync("partner-task-1");
        await designer.ChooseAsync("organisation", "ISD");
        await designer.TypeAsync("title", "Brede intake afnemen");
        await designer.SetDurationAsync("deadline", 10);

        // The task's Afgerond port leads nowhere yet: the validator says so, and publishing is refused.
        await designer.OpenTabAsync("Controle");
        var openPort = page.Locator(".validation-error[data-code=unconnected-outcome]");
        await Expect(openPort).ToContainTextAsync("Uitgang 'Afgerond' is niet verbonden");
        await Expect(page.Locator("[data-testid=publiceren]")).ToBeDisabledAsync();
        await openPort.ClickAsync();
        await Expect(page.Locator("input[data-input=key]")).ToHaveValueAsync("partner-task-1");

        await designer.ConnectAsync("partner-task-1:Afgerond", "end-1");
        await designer.OpenTabAsync("Controle");
        await Expect(page.Locator("[data-testid=geen-fouten]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=publiceren]");
        await Expect(page.Locator("[data-testid=versie-status]")).ToContainTextAsync("gepubliceerd als versie 1");

        using var api = new HostApi(host, "regie");
        var stored = await api.GetAsync($"/api/definitions/{id}/versions/1");
        Assert.Equal("Published", stored["info"]!["status"]!.GetValue<string>());
        var task = stored["document"]!["activities"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "PartnerTask")!;
        Assert.Equal("P10W", task["inputs"]!["deadline"]!.GetValue<string>());
        Assert.Equal(2, stored["document"]!["connections"]!.AsArray().Count);

        using var started = await api.PostAsync("/api/instances", new { definitionId = id, correlationKey = $"e2e-{id}" });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();
        var tasks = await api.GetAsync($"/api/tasks?instanceId={instanceId}");
        var first = Assert.Single(tasks["items"]!.AsArray())!;
        Assert.Equal("Brede intake afnemen", first["title"]!.GetValue<string>());
        Assert.Equal("isd-bollenstreek", first["organisation"]!.GetValue<string>());
        Assert.NotNull(first["dueAt"]);
        await UiSession.CloseAsync(page);
    }

    [Fact]
    public async Task Exporting_and_importing_the_file_gives_the_same_definition()
    {
        var id = $"export-{Guid.NewGuid():N}"[..20];
        using var api = new HostApi(host, "coordinator");
        await api.PublishAsync(HostApi.ThreeSteps(id));
        var page = await UiSession.SignInAsync(host, "coordinator", $"/ontwerpen/{id}");
        await Expect(page.Locator(".activity-node")).ToHaveCountAsync(3);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=exporteren]"));
        Assert.Equal($"{id}.json", download.SuggestedFilename);
        var file = await download.PathAsync();
        var exported = JsonNode.Parse(await File.ReadAllTextAsync(file))!;

        await page.GotoAsync("/definities");
        await UiSession.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=importeren] input[type=file]").SetInputFilesAsync(file);
        await page.WaitForURLAsync($"**/ontwerpen/{id}");
        await Expect(page.Locator("[data-testid=versie-status]")).ToContainTextAsync("concept versie 2");

        var published = await api.GetAsync($"/api/definitions/{id}/versions/1");
        var imported = await api.GetAsync($"/api/definitions/{id}/versions/2");
        Assert.True(JsonNode.DeepEquals(published["document"], exported), "the export is the published document");
        Assert.True(JsonNode.DeepEquals(exported, imported["document"]), "the import is the exported file");
        var diff = await api.GetAsync($"/api/definitions/{id}/diff?from=1&to=2");
        Assert.Empty(diff["changes"]!.AsArray());
        await UiSession.CloseAsync(page);
    }

    [Fact]
    public async Task The_try_out_shows_the_deadline_the_calendar_gives_for_the_dates_entered()
    {
        var id = $"proef-{Guid.NewGuid():N}"[..20];
        using var api = new HostApi(host, "coordinator");
        await api.PublishAsync(HostApi.ThreeSteps(id));
        var page = await UiSession.SignInAsync(host, "coordinator", $"/ontwerpen/{id}");
        var designer = new DesignerDriver(page);

        await designer.OpenTabAsync("Uitproberen");
        // Saturday 5 September 2026 + 10 weeks = Saturday 14 November; the Algemene termijnenwet moves the end to Monday 16 November.
        await page.FillAsync("input[data-input=proef-start]", "2026-09-05");
        await page.FillAsync("input[data-input=proef-tot]", "2026-12-31");
        await page.ClickAsync("[data-testid=proef-start-knop]");

        var opened = page.Locator(".tryout-entry[data-kind=TaskOpened]");
        // A bound, not a timing: the try-out builds a private engine and plays the klantreis (≈ 7 s alone); CI runs all test
        // projects at once on two cores, where it once took longer than 60 s.
        await Expect(opened).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 180_000 });
        await Expect(opened.Locator(".tryout-due")).ToHaveAttributeAsync("data-due", "2026-11-16");
        await Expect(page.Locator(".tryout-entry[data-kind=DeadlinePassed] .tryout-day")).ToHaveTextAsync("ma 16-11-2026");
        await opened.Locator("summary").ClickAsync();
        await Expect(opened.Locator("pre")).ToContainTextAsync("14-11-2026");
        await UiSession.CloseAsync(page);
    }

    [Fact]
    public async Task The_regie_may_look_at_a_definition_but_not_change_or_publish_it()
    {
        var id = $"regie-{Guid.NewGuid():N}"[..20];
        using (var coordinator = new HostApi(host, "coordinator"))
        {
            await coordinator.PublishAsync(HostApi.ThreeSteps(id));
        }
        var page = await UiSession.SignInAsync(host, "regie", $"/ontwerpen/{id}");
        await Expect(page.Locator(".activity-node")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=alleen-lezen]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=publiceren]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=opslaan]")).ToHaveCountAsync(0);
        await Expect(page.Locator(".palette-item[data-type=PartnerTask]")).ToHaveAttributeAsync("draggable", "false");

        // Nor through the API behind it.
        using var regie = new HostApi(host, "regie");
        using var draft = await regie.Client.PutAsJsonAsync(new Uri($"/api/definitions/{id}/draft", UriKind.Relative), HostApi.ThreeSteps(id));
        Assert.Equal(HttpStatusCode.Forbidden, draft.StatusCode);
        using var publish = await regie.PostAsync($"/api/definitions/{id}/publish", null);
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        await UiSession.CloseAsync(page);
    }

    [Fact]
    public async Task Alles_in_beeld_fits_every_activity_of_the_klantreis_in_the_canvas()
    {
        var page = await UiSession.SignInAsync(host, "coordinator", "/ontwerpen/klantreis-inburgering");
        await Expect(page.Locator("[data-testid=canvas] .diagram-canvas")).ToBeVisibleAsync();
        await UiSession.WaitUntilInteractiveAsync(page);
        var activities = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", "klantreis-inburgering.json")))!["activities"]!.AsArray().Count;

        await page.ClickAsync("[data-testid=passend]");

        // Every activity's box inside the canvas's box (a pixel of rounding allowed), polled until the view has settled.
        const string outside = """
            () => {
              const c = document.querySelector('[data-testid=canvas]').getBoundingClientRect();
              const nodes = [...document.querySelectorAll('[data-testid=canvas] .activity-node')];
              const out = nodes.filter(n => { const r = n.getBoundingClientRect();
                return r.left < c.left - 1 || r.right > c.right + 1 || r.top < c.top - 1 || r.bottom > c.bottom + 1; });
              return [nodes.length, out.length];
            }
            """;
        int[] counts = [];
        for (var attempt = 0; attempt < 25; attempt++)
        {
            counts = await page.EvaluateAsync<int[]>(outside);
            if (counts[0] == activities && counts[1] == 0)
            {
                break;
            }
            await Task.Delay(200);
        }
        Assert.Equal([activities, 0], counts);
        await UiSession.CloseAsync(page);
    }
}

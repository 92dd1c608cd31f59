using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Inburgering.Host.Tests.Infrastructure;
using Inburgering.Testing;

namespace Inburgering.Host.Tests.Api;

/// <summary>
/// POST /api/tryouts and /api/tryouts/template: an unsaved definition document played for one person in fake time on a
/// private database; bad input gets ProblemDetails saying what and where; partners may not use it.
/// </summary>
public sealed class TryOutApiTests : IAsyncLifetime
{
    private readonly HostFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_regie_tries_out_an_unsaved_draft_and_gets_its_timeline_with_deadline_explanations()
    {
        using var client = _factory.CreateClientAs("regie");

        // Monday 7 September 2026 + 10 weeks = Monday 16 November 2026; the reminder 5 werkdagen before, Monday 9 November.
        var response = await client.PostAsJsonAsync("/api/tryouts", new { definition = OneTask(), start = "2026-09-07", until = "2026-11-25" });
        var result = await response.Content.ReadFromJsonAsync<JsonObject>();
        using var admin = _factory.CreateClient();
        var live = await admin.GetFromJsonAsync<JsonObject>("/api/instances");
        var definitions = await admin.GetFromJsonAsync<JsonArray>("/api/definitions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = result!["timeline"]!["entries"]!.AsArray();
        Assert.Equal(
            ["started@2026-09-07", "taskOpened@2026-09-07", "reminder@2026-11-09", "deadlinePassed@2026-11-16", "escalated@2026-11-23"],
            entries.Select(e => $"{e!["kind"]!.GetValue<string>()}@{e["day"]!.GetValue<string>()}"));
        var deadline = entries[1]!["deadline"]!;
        Assert.Equal(("Brede intake binnen 10 weken", "2026-09-07", "2026-11-16", "2026-11-16"),
            (deadline["rule"]!.GetValue<string>(), deadline["start"]!.GetValue<string>(), deadline["rawEnd"]!.GetValue<string>(), deadline["final"]!.GetValue<string>()));
        Assert.Equal(("isd-bollenstreek", "2026-11-16"), (entries[1]!["task"]!["organisation"]!.GetValue<string>(), entries[1]!["task"]!["due"]!.GetValue<string>()));
        Assert.Equal("herinnering", entries[2]!["label"]!.GetValue<string>());
        Assert.Equal("Running", result["status"]!.GetValue<string>());
        Assert.Equal("brede-intake", result["openTasks"]![0]!["taskType"]!.GetValue<string>());
        Assert.Null(result["error"]);
        Assert.Equal(0, live!["total"]!.GetValue<int>());
        Assert.DoesNotContain(definitions!, d => d!["id"]!.GetValue<string>() == "proef-een-taak");
    }

    [Fact]
    public async Task A_take_over_is_tried_out_from_the_activities_it_starts_at_and_a_wrong_one_is_named()
    {
        using var client = _factory.CreateClientAs("coordinator");
        var klantreis = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "workflows", "klantreis-inburgering.json")))!;

        var response = await client.PostAsJsonAsync("/api/tryouts", new
        {
            definition = klantreis,
            start = "2026-11-16",
            until = "2026-11-20",
            startAt = new[] { "intake-oproep", "kennisgeving" },
            variables = new { doelgroep = "asiel", brpDatum = "2026-10-05" },
        });
        var result = await response.Content.ReadFromJsonAsync<JsonObject>();
        var wrong = await client.PostAsJsonAsync("/api/tryouts", new { definition = klantreis, start = "2026-11-16", startAt = new[] { "bestaat-niet" } });
        var refused = await wrong.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("takenOver", result!["timeline"]!["entries"]![0]!["kind"]!.GetValue<string>());
        var first = result["timeline"]!["entries"]![0]!["text"]!.GetValue<string>();
        Assert.StartsWith("Klantreis overgenomen; gestart bij 'intake-oproep', 'kennisgeving'", first, StringComparison.Ordinal);
        Assert.Equal(["brede-intake"], result["openTasks"]!.AsArray().Select(t => t!["taskType"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("no activity 'bestaat-niet'", refused!["errors"]!["startAt[0]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_that_cannot_be_applied_comes_back_as_the_error_of_that_step_with_the_timeline_until_then()
    {
        using var client = _factory.CreateClientAs("coordinator");

        var response = await client.PostAsJsonAsync("/api/tryouts", new
        {
            definition = OneTask(),
            start = "2026-09-07",
            steps = new object[] { new { date = "2026-09-14", task = "pip", outcome = "Vastgesteld" } },
        });
        var result = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("steps[0]", "2026-09-14"), (result!["error"]!["path"]!.GetValue<string>(), result["error"]!["date"]!.GetValue<string>()));
        Assert.Contains("no open task 'pip'", result["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, result["timeline"]!["entries"]!.AsArray().Count);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_ProblemDetails_naming_what_and_where()
    {
        using var client = _factory.CreateClientAs("coordinator");
        var broken = OneTask();
        broken["activities"]![1]!["inputs"]!["organisation"] = "onbekende-partner";

        var invalid = await client.PostAsJsonAsync("/api/tryouts", new { definition = broken, start = "2026-09-07" });
        var noStart = await client.PostAsJsonAsync("/api/tryouts", new { definition = OneTask() });
        var tooLong = await client.PostAsJsonAsync("/api/tryouts", new { definition = OneTask(), start = "2026-09-07", until = "2037-01-01" });
        var badStep = await client.PostAsJsonAsync("/api/tryouts", new { definition = OneTask(), start = "2026-09-07", steps = new object[] { new { date = "2026-09-01", @event = "X" } } });
        var badVariable = await client.PostAsJsonAsync("/api/tryouts", new { definition = OneTask(), start = "2026-09-07", variables = new { onbekend = 1 } });
        var badDate = await client.PostAsJsonAsync("/api/tryouts", new { definition = OneTask(), start = "7 september" });

        Assert.All(new[] { invalid, noStart, tooLong, badStep, badVariable, badDate }, r =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
        });
        Assert.Contains("not a known partner", await ErrorAsync(invalid, "$.activities[1].inputs.organisation"), StringComparison.Ordinal);
        Assert.NotEmpty(await ErrorAsync(noStart, "start"));
        Assert.Contains("10 years", await ErrorAsync(tooLong, "until"), StringComparison.Ordinal);
        Assert.Contains("before the start", await ErrorAsync(badStep, "steps[0].date"), StringComparison.Ordinal);
        Assert.Contains("declares no variable", await ErrorAsync(badVariable, "variables.onbekend"), StringComparison.Ordinal);
        Assert.NotNull((await badDate.Content.ReadFromJsonAsync<JsonObject>())!["errors"]);
    }

    [Fact]
    public async Task The_template_for_the_klantreis_proposes_its_events_task_types_and_first_steps_and_runs_as_proposed()
    {
        using var client = _factory.CreateClientAs("coordinator");
        var document = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, "klantreis-inburgering.json"));

        var response = await client.PostAsync(new Uri("/api/tryouts/template?start=2026-01-05", UriKind.Relative), new StringContent(document, Encoding.UTF8, "application/json"));
        var template = await response.Content.ReadFromJsonAsync<JsonObject>();
        var run = await client.PostAsJsonAsync("/api/tryouts", new
        {
            definition = JsonNode.Parse(document),
            start = template!["start"],
            variables = template["variables"],
            steps = template["steps"],
            until = "2026-06-30",
        });
        var result = await run.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(template["events"]!.AsArray(), e => e!["name"]!.GetValue<string>() == "BrpIngeschreven");
        var pip = template["taskTypes"]!.AsArray().Single(t => t!["taskType"]!.GetValue<string>() == "pip")!;
        Assert.Equal(["Vastgesteld", "WachtOpDerde"], pip["outcomes"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()));
        Assert.Equal(("2026-01-12", "DuoKennisgeving"), (template["steps"]![0]!["date"]!.GetValue<string>(), template["steps"]![0]!["event"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Null(result!["error"]);
        Assert.Contains(result["timeline"]!["entries"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "taskCompleted" && e["task"]!["taskType"]!.GetValue<string>() == "pip");
    }

    [Fact]
    public async Task An_unreadable_document_gets_no_template()
    {
        using var client = _factory.CreateClientAs("coordinator");

        var response = await client.PostAsync(new Uri("/api/tryouts/template", UriKind.Relative), new StringContent("{ \"id\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["$"]);
    }

    [Theory]
    [InlineData("isd-bollenstreek", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Partners_and_anonymous_callers_may_not_try_out(string? demo, HttpStatusCode expected)
    {
        using var client = _factory.CreateClientAs(demo);

        var run = await client.PostAsJsonAsync("/api/tryouts", new { definition = OneTask(), start = "2026-09-07" });
        var template = await client.PostAsync(new Uri("/api/tryouts/template", UriKind.Relative), new StringContent(OneTask().ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal((expected, expected), (run.StatusCode, template.StatusCode));
    }

    /// <summary>Start → PartnerTask (P10W wettelijk, reminder P5WD, escalation every P5WD) → End.</summary>
    private static JsonObject OneTask() =>
        JsonNode.Parse(SampleFlows.Intake("proef-een-taak", reminders: ["P5WD"], escalateEvery: "P5WD"))!.AsObject();

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string path)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var messages = problem!["errors"]?[path] as JsonArray;
        Assert.True(messages is not null, $"No error at '{path}': {problem.ToJsonString()}");
        return string.Join(" ", messages!.Select(m => m!.GetValue<string>()));
    }
}

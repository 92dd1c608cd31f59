using Inburgering.Simulation;
using Inburgering.Simulation.Scripts;
using Inburgering.Simulation.Timeline;
using Inburgering.Testing;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inburgering.Klantreis.Tests;

/// <summary>
/// Every folder under <c>Scenarios/</c> is one klantreis in fake time: <c>scenario.json</c> holds the start, the events
/// and the partners' answers with their dates, plus facts computed by hand from the law; <c>verwacht.md</c> is the
/// golden timeline (tasks, deadlines with their explanation, end state). Each runs on SQLite and on PostgreSQL and must
/// give the same text. Set <c>INBURGERING_UPDATE_GOLDEN=1</c> to rewrite the golden files after a deliberate change,
/// then read the diff as a lawyer would.
/// </summary>
public sealed class ScenarioTests
{
    public static TheoryData<string, HarnessDatabase> Scenarios()
    {
        var data = new TheoryData<string, HarnessDatabase>();
        foreach (var folder in Directory.GetDirectories(ScenarioFolder).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder), HarnessDatabase.Sqlite);
            data.Add(Path.GetFileName(folder), HarnessDatabase.Postgres);
        }
        return data;
    }

    [Fact]
    public void There_are_at_least_25_scenarios() => Assert.True(Directory.GetDirectories(ScenarioFolder).Length >= 25);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario_runs_as_the_law_says(string name, HarnessDatabase database)
    {
        var folder = Path.Combine(ScenarioFolder, name);
        var script = ScriptReader.Read(await File.ReadAllTextAsync(Path.Combine(folder, "scenario.json")));
        await using var h = await WorkflowHarness.CreateAsync(database);
        await h.PublishAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, "klantreis-inburgering.json")));
        var runner = new ScriptRunner(h.Runner, h.Timers, Db(h), h.Services.GetRequiredService<Workflows.Calendar.BusinessCalendar>(), new FakeClock(h.Time));

        var instanceId = await runner.RunAsync(script);
        var timeline = await new TimelineWriter(Db(h), h.Services.GetRequiredService<Workflows.Definitions.DefinitionCatalog>(),
            h.Services.GetRequiredService<Workflows.Calendar.BusinessCalendar>()).WriteAsync(script, instanceId);

        await CheckExpectationsAsync(h, script, instanceId);
        var golden = Path.Combine(folder, "verwacht.md");
        if (Environment.GetEnvironmentVariable("INBURGERING_UPDATE_GOLDEN") == "1" && database == HarnessDatabase.Sqlite)
        {
            await File.WriteAllTextAsync(golden, timeline);
        }
        Assert.True(File.Exists(golden), $"{golden} is missing; run once with INBURGERING_UPDATE_GOLDEN=1 and review it.");
        var expected = await File.ReadAllTextAsync(golden);
        if (expected != timeline)
        {
            // Next to the golden file (ignored by git), so the difference can be read with any diff tool.
            await File.WriteAllTextAsync(Path.Combine(folder, $"werkelijk.{database}.md"), timeline);
        }
        Assert.Equal(expected, timeline);
    }

    private static async Task CheckExpectationsAsync(WorkflowHarness h, KlantreisScript script, Guid instanceId)
    {
        if (script.Expect is not { } expect)
        {
            return;
        }
        var view = await h.GetAsync(instanceId);
        if (expect.Status is { } status)
        {
            Assert.Equal(status, view.Status.ToString());
        }
        foreach (var (name, value) in expect.Variables)
        {
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(value, view.Variables[name]),
                $"Variable '{name}': expected {value?.ToJsonString() ?? "null"}, got {view.Variables[name]?.ToJsonString() ?? "null"}.");
        }
        var tasks = await h.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId).OrderBy(t => t.CreatedAtUtc).ToListAsync());
        foreach (var (taskType, final) in expect.Deadlines)
        {
            var task = tasks.FirstOrDefault(t => t.TaskType == taskType);
            Assert.True(task is not null, $"No task '{taskType}' was opened.");
            Assert.Equal((taskType, final), (taskType, DeadlineRecord.Parse(task!.DeadlineJson)!.Final));
        }
        foreach (var taskType in expect.NoTasks)
        {
            Assert.DoesNotContain(tasks, t => t.TaskType == taskType);
        }
        Assert.DoesNotContain(tasks, t => t.Status == PartnerTaskStatus.Open && expect.Status == "Completed");
    }

    private static IDbContextFactory<WorkflowsDbContext> Db(WorkflowHarness h) => h.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();

    private static string ScenarioFolder => Path.Combine(RepositoryPaths.Root, "tests", "Klantreis.Tests", "Scenarios");

    private sealed class FakeClock(FakeTimeProvider time) : ISettableClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();

        public void MoveTo(DateTimeOffset utcNow) => time.SetUtcNow(utcNow);
    }
}

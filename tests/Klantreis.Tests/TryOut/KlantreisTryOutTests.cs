using System.Diagnostics;
using Inburgering.Simulation.Timeline;
using Inburgering.Simulation.TryOut;
using Inburgering.Testing;
using Inburgering.Workflows.Definitions;
using Xunit.Abstractions;

namespace Inburgering.Klantreis.Tests.TryOut;

/// <summary>The proposal for the klantreis definition, and a try-out of it: the first months of an on-time statushouder.</summary>
public sealed class KlantreisTryOutTests(ITestOutputHelper output)
{
    // Monday 5 January 2026: the koppeling.
    private static readonly DateOnly Start = new(2026, 1, 5);

    [Fact]
    public async Task The_proposal_lists_the_events_and_task_types_of_the_klantreis_and_starts_with_its_first_months()
    {
        var template = TryOutTemplates.Propose(await KlantreisAsync(), Start);

        Assert.Equal(("klantreis-inburgering", Start), (template.DefinitionId, template.Start));
        Assert.Equal(["BezwaarIngediend", "BijstandToegekend", "BrpIngeschreven", "DuoKennisgeving", "DuoTermijnUitkomst", "DuoVerlengingBesluit", "Verhuisd"],
            template.Events.Select(e => e.Name));
        Assert.Equal(["kennisgeving", "kennisgeving-gezin"], template.Events.Single(e => e.Name == "DuoKennisgeving").Activities.Select(a => a.Key));
        var pip = template.TaskTypes.Single(t => t.TaskType == "pip");
        Assert.Equal(("isd-bollenstreek", false), (pip.Organisation, pip.Expires));
        Assert.Equal(["Vastgesteld", "WachtOpDerde"], pip.Outcomes.Select(o => o.Name));
        Assert.Contains(pip.Fields, f => f.Name == "leerroute" && f.Options!.Contains("B1"));
        Assert.True(template.TaskTypes.Single(t => t.TaskType == "brede-intake-derde-oproep").Expires);
        Assert.Equal(("2026-01-05", "asiel"), (template.Variables["koppelingDatum"]!.GetValue<string>(), template.Variables["doelgroep"]!.GetValue<string>()));
        Assert.DoesNotContain("bsn", template.Variables.Select(v => v.Key));
        Assert.True(template.VariableDeclarations.Single(v => v.Name == "bsn").Sensitive);
        Assert.Equal(
            ["DuoKennisgeving", "brede-intake", "BrpIngeschreven", "mb-starten", "BijstandToegekend", "ontzorging", "pip", "b1-route"],
            template.Steps.Select(s => s.Event ?? s.Task));
        // Koppeling + 6 weeks = Monday 16 February; the PIP 14 weeks after the koppeling, Monday 13 April 2026.
        Assert.Equal(new DateOnly(2026, 2, 16), template.Steps[2].Date);
        Assert.Equal(new DateOnly(2026, 4, 13), template.Steps[6].Date);
        Assert.Equal(template.Steps[^1].Date.AddMonths(12), template.Until);
    }

    [Fact]
    public void The_proposal_for_a_small_definition_has_its_task_type_and_no_steps()
    {
        var model = DefinitionReader.Read(TryOutRunnerTests.OneTask()).Model!;

        var template = TryOutTemplates.Propose(model, Start);

        Assert.Empty(template.Events);
        Assert.Empty(template.Steps);
        var task = Assert.Single(template.TaskTypes);
        Assert.Equal("brede-intake", task.TaskType);
        Assert.Equal(["Afgerond", "NietVerschenen"], task.Outcomes.Select(o => o.Name));
        Assert.Equal(["leerroute", "pipDatum", "uren", "tolk", "toelichting"], task.Fields.Select(f => f.Name));
        Assert.Equal(Start.AddMonths(12), template.Until);
    }

    [Fact]
    public async Task The_proposed_klantreis_runs_without_errors_and_explains_its_deadlines()
    {
        var json = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, "klantreis-inburgering.json"));
        var template = TryOutTemplates.Propose(DefinitionReader.Read(json).Model!, Start);

        var request = new TryOutRequest { Definition = json, Start = Start, Variables = template.Variables, Steps = template.Steps };
        var watch = Stopwatch.StartNew();
        var result = await TryOutRunner.RunAsync(request);
        // The first run in a process also pays for JIT and EF's model (a few seconds); docs/tryout.md has warm figures.
        output.WriteLine($"Klantreis try-out: {template.Steps.Count} steps, {Start:yyyy-MM-dd} to {result.Until:yyyy-MM-dd}, "
            + $"{result.Timeline?.Entries.Count} entries, {watch.ElapsedMilliseconds} ms (result.Seconds {result.Seconds:0.000}).");

        Assert.Null(result.Error);
        Assert.Equal((template.Steps.Count, "Running"), (result.StepsApplied, result.Status));
        var timeline = result.Timeline!;
        Assert.Empty(timeline.Incidents);
        Assert.Contains(timeline.Entries, e => e.Kind == TimelineEntryKind.TaskCompleted && e.Task!.TaskType == "pip" && e.Day == new DateOnly(2026, 4, 13));
        // Housing: a policy target of 12 weeks after the koppeling on the wait for BrpIngeschreven, not a partner task.
        var brp = timeline.Entries.First(e => e.Kind == TimelineEntryKind.WaitingForEvent && e.ActivityKey == "brp");
        Assert.Equal((new DateOnly(2026, 3, 30), "koppeling COA"), (brp.Deadline!.Final, brp.Deadline.StartEvent));
        // The PIP runs from the BRP registration (Monday 16 February 2026, after the kennisgeving of 9 January): + 10 weeks =
        // Monday 27 April 2026, Koningsdag; the term is statutory, so the Atw moves it to Tuesday 28 April.
        var pip = timeline.Tasks.First(t => t.TaskType == "pip");
        Assert.Equal((new DateOnly(2026, 2, 16), new DateOnly(2026, 4, 27), new DateOnly(2026, 4, 28)), (pip.Deadline!.Start, pip.Deadline.RawEnd, pip.Due));
        Assert.Single(pip.Deadline.Shifts);
        Assert.DoesNotContain("bsn", timeline.Variables.Select(v => v.Key));
        Assert.Contains(result.OpenTasks, t => t.TaskType == "pvt");
        Assert.True(result.Seconds < 60, $"{result.Seconds} s");
    }

    private static async Task<WorkflowDefinitionModel> KlantreisAsync() =>
        DefinitionReader.Read(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, "klantreis-inburgering.json"))).Model!;
}

using System.Text.Json.Nodes;
using Inburgering.Simulation.Scripts;
using Inburgering.Simulation.Timeline;
using Inburgering.Simulation.TryOut;
using Inburgering.Testing;

namespace Inburgering.Klantreis.Tests.TryOut;

/// <summary>
/// The designer's try-out on a throwaway SQLite engine in fake time. Expected days are worked out by hand below: the
/// autumn of 2026 has no Dutch feestdagen, so only weekends count, and P10W from a Monday ends on a Monday.
/// </summary>
public sealed class TryOutRunnerTests
{
    // Monday 7 September 2026 + 10 weeks = Monday 16 November 2026 (a werkdag: the Atw moves nothing).
    private static readonly DateOnly Start = new(2026, 9, 7);
    private static readonly DateOnly Final = new(2026, 11, 16);

    [Fact]
    public async Task A_task_left_open_is_reminded_5_werkdagen_before_its_term_and_escalated_on_its_last_day_and_5_werkdagen_later()
    {
        var result = await TryOutRunner.RunAsync(Request(OneTask(), until: new DateOnly(2026, 11, 25)));

        var entries = result.Timeline!.Entries;
        Assert.Null(result.Error);
        Assert.Equal(("Running", new DateOnly(2026, 11, 25)), (result.Status, result.Until));
        Assert.Equal(
            [
                (TimelineEntryKind.Started, Start),
                (TimelineEntryKind.TaskOpened, Start),
                // 5 werkdagen before Monday 16 November: Friday 13, Thursday 12, Wednesday 11, Tuesday 10, Monday 9.
                (TimelineEntryKind.Reminder, new DateOnly(2026, 11, 9)),
                (TimelineEntryKind.DeadlinePassed, Final),
                // Again 5 werkdagen after Monday 16 November.
                (TimelineEntryKind.Escalated, new DateOnly(2026, 11, 23)),
            ],
            entries.Select(e => (e.Kind, e.Day)));
        var opened = entries[1];
        Assert.Equal(("brede-intake", "Brede intake afnemen", "isd-bollenstreek", Final),
            (opened.Task!.TaskType, opened.Task.Title, opened.Task.Organisation, opened.Task.Due));
        Assert.Equal("taak geopend", opened.Label);
        Assert.Equal("Taak **brede-intake** geopend voor isd-bollenstreek: Brede intake afnemen, uiterlijk maandag 16-11-2026.", opened.Text);
        var deadline = opened.Deadline!;
        Assert.Equal(("Brede intake binnen 10 weken", Start, "P10W", Final, Final), (deadline.Rule, deadline.Start, deadline.Duration, deadline.RawEnd, deadline.Final));
        Assert.Empty(deadline.Shifts);
        Assert.Contains("Uiterste datum: maandag 16-11-2026 (tot en met 23:59 Europe/Amsterdam)", deadline.Explanation, StringComparison.Ordinal);
        Assert.All(entries.Skip(2), e => Assert.Equal(opened.Task.Id, e.Task!.Id));
        Assert.All(entries.Skip(2), e => Assert.Equal(Final, e.Deadline!.Final));
        var open = Assert.Single(result.OpenTasks);
        Assert.Equal(("brede-intake", 2), (open.TaskType, open.Escalations));
    }

    [Fact]
    public async Task A_term_ending_on_a_Saturday_moves_to_Monday_and_the_explanation_says_so()
    {
        // Saturday 5 September 2026 + 10 weeks = Saturday 14 November; Atw art. 1 moves a statutory term to Monday 16 November.
        var result = await TryOutRunner.RunAsync(Request(OneTask(), start: new DateOnly(2026, 9, 5), until: new DateOnly(2026, 11, 17)));

        var deadline = result.Timeline!.Entries.Single(e => e.Kind == TimelineEntryKind.TaskOpened).Deadline!;
        Assert.Equal((new DateOnly(2026, 11, 14), Final), (deadline.RawEnd, deadline.Final));
        var shift = Assert.Single(deadline.Shifts);
        Assert.Equal((new DateOnly(2026, 11, 14), Final), (shift.From, shift.To));
        Assert.Contains("Algemene termijnenwet", shift.Article, StringComparison.Ordinal);
        Assert.Equal([new DateOnly(2026, 11, 9)], result.Timeline.Entries.Where(e => e.Kind == TimelineEntryKind.Reminder).Select(e => e.Day));
        Assert.Equal([Final], result.Timeline.Entries.Where(e => e.Kind == TimelineEntryKind.DeadlinePassed).Select(e => e.Day));
    }

    [Fact]
    public async Task Completing_the_task_before_the_reminder_stops_reminders_and_escalations()
    {
        var steps = new[] { CompleteIntake(new DateOnly(2026, 10, 1)) };

        var result = await TryOutRunner.RunAsync(Request(OneTask(), steps, until: new DateOnly(2026, 12, 31)));

        var entries = result.Timeline!.Entries;
        Assert.Null(result.Error);
        Assert.Equal((1, "Completed"), (result.StepsApplied, result.Status));
        Assert.Empty(result.OpenTasks);
        Assert.DoesNotContain(entries, e => e.Kind is TimelineEntryKind.Reminder or TimelineEntryKind.DeadlinePassed or TimelineEntryKind.Escalated);
        var completed = Assert.Single(entries, e => e.Kind == TimelineEntryKind.TaskCompleted);
        Assert.Equal((new DateOnly(2026, 10, 1), "Afgerond"), (completed.Day, result.Timeline.Tasks.Single().Outcome));
        Assert.Equal("Taak **brede-intake** afgerond door isd-bollenstreek: Afgerond (leerroute B1, pipDatum 2026-10-01).", completed.Text);
        Assert.Equal([TimelineEntryKind.TrackEnded, TimelineEntryKind.Ended], entries.TakeLast(2).Select(e => e.Kind));
        Assert.Equal("B1", result.Timeline.Variables["leerroute"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_task_set_to_expire_expires_on_its_last_day()
    {
        var result = await TryOutRunner.RunAsync(Request(SampleFlows.Intake("proef-verloopt", expire: true), until: new DateOnly(2026, 11, 20)));

        var expired = Assert.Single(result.Timeline!.Entries, e => e.Kind == TimelineEntryKind.TaskExpired);
        Assert.Equal((Final, "taak verlopen", "brede-intake"), (expired.Day, expired.Label, expired.Task!.TaskType));
        Assert.True(expired.Deadline!.ResumeAtDeadline);
        Assert.Equal("Completed", result.Status);
        Assert.Equal("Expired", result.Timeline.Tasks.Single().Status);
    }

    [Fact]
    public async Task A_definition_with_errors_is_not_run_and_every_error_has_its_path()
    {
        var definition = JsonNode.Parse(OneTask())!.AsObject();
        definition["activities"]![1]!["inputs"]!["organisation"] = "onbekende-partner";
        definition["connections"]!.AsArray().Add(new JsonObject { ["from"] = "intake", ["outcome"] = "Afgerond", ["to"] = "nergens" });

        var result = await TryOutRunner.RunAsync(Request(definition.ToJsonString()));

        Assert.False(result.Ran);
        Assert.Null(result.Timeline);
        Assert.Contains(result.DefinitionErrors, e => e.Path == "$.activities[1].inputs.organisation" && e.Code == "unknown-organisation");
        Assert.Contains(result.DefinitionErrors, e => e.Path.StartsWith("$.connections[", StringComparison.Ordinal) && e.Message.Contains("nergens", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_step_that_cannot_be_applied_ends_the_run_with_an_error_naming_the_step_and_the_open_tasks()
    {
        var steps = new[]
        {
            new ScriptStep { Date = new DateOnly(2026, 9, 14), Task = "pip", Outcome = "Vastgesteld" },
            CompleteIntake(new DateOnly(2026, 9, 15)),
        };

        var result = await TryOutRunner.RunAsync(Request(OneTask(), steps));

        Assert.Equal(("steps[0]", new DateOnly(2026, 9, 14), 0), (result.Error!.Path, result.Error.Date, result.StepsApplied));
        Assert.Contains("no open task 'pip'", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("brede-intake", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal("Running", result.Status);
        Assert.Equal([TimelineEntryKind.Started, TimelineEntryKind.TaskOpened], result.Timeline!.Entries.Select(e => e.Kind));
    }

    [Fact]
    public async Task An_outcome_the_form_refuses_is_an_error_of_that_step()
    {
        var steps = new[] { new ScriptStep { Date = new DateOnly(2026, 9, 14), Task = "brede-intake", Outcome = "Afgerond", Fields = new JsonObject { ["leerroute"] = "C2" } } };

        var result = await TryOutRunner.RunAsync(Request(OneTask(), steps));

        Assert.Equal("steps[0]", result.Error!.Path);
        Assert.Contains("refused", result.Error.Message, StringComparison.Ordinal);
        Assert.Single(result.OpenTasks);
    }

    [Fact]
    public async Task Start_variables_the_definition_does_not_declare_are_an_error_and_nothing_starts()
    {
        var result = await TryOutRunner.RunAsync(Request(OneTask()) with { Variables = new JsonObject { ["onbekend"] = 1 } });

        Assert.Equal("variables.onbekend", result.Error!.Path);
        Assert.Null(result.Timeline);
    }

    [Fact]
    public void Bad_requests_are_refused_before_anything_runs()
    {
        var steps = new[] { new ScriptStep { Date = new DateOnly(2026, 9, 1), Event = "X", Task = "y" } };

        var errors = (Request(OneTask(), steps) with { Until = Start.AddYears(11) }).Validate();

        Assert.Contains(errors, e => e.Field == "steps[0]");
        Assert.Contains(errors, e => e.Field == "steps[0].date");
        Assert.Contains(errors, e => e.Field == "until");
    }

    [Fact]
    public void Without_until_the_try_out_runs_a_year_past_the_last_step()
    {
        Assert.Equal(new DateOnly(2027, 9, 7), Request(OneTask()).EffectiveUntil);
        Assert.Equal(new DateOnly(2027, 10, 1), Request(OneTask(), [CompleteIntake(new DateOnly(2026, 10, 1))]).EffectiveUntil);
    }

    /// <summary>Start → PartnerTask (P10W wettelijk, reminder P5WD, escalation every P5WD) → End.</summary>
    internal static string OneTask() => SampleFlows.Intake("proef-een-taak", reminders: ["P5WD"], escalateEvery: "P5WD");

    internal static ScriptStep CompleteIntake(DateOnly day) => new()
    {
        Date = day,
        Task = "brede-intake",
        Outcome = "Afgerond",
        Fields = new JsonObject { ["leerroute"] = "B1", ["pipDatum"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
    };

    private static TryOutRequest Request(string definition, IReadOnlyList<ScriptStep>? steps = null, DateOnly? start = null, DateOnly? until = null) => new()
    {
        Definition = definition,
        Start = start ?? Start,
        Steps = steps ?? [],
        Until = until,
    };
}

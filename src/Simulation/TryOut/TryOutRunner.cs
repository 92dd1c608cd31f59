using System.Diagnostics;
using Inburgering.Simulation.Scripts;
using Inburgering.Simulation.Timeline;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Definitions.Validation;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Simulation.TryOut;

/// <summary>
/// The designer's try-out: plays one person's klantreis through a definition document — typically an unsaved draft — on
/// a private engine with a throwaway SQLite database in fake time, exactly as <see cref="ScriptRunner"/> plays a
/// scenario (the same runner, timers and task completion; nothing shortcut), and returns the structured
/// <see cref="InstanceTimeline"/>. Live instances are never touched. A definition with errors is not run; a step that
/// cannot be applied ends the run with a <see cref="TryOutError"/> instead of an exception.
/// </summary>
public static class TryOutRunner
{
    /// <summary>The try-out's klantreis id (the correlation key events are addressed to).</summary>
    public const string KlantreisId = "proef";

    /// <param name="configure">Extra services for the private engine, e.g. the Host's partners and calendar, so the draft validates and counts days as the live engine does.</param>
    public static async Task<TryOutResult> RunAsync(TryOutRequest request, Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Validate() is [var (field, message), ..])
        {
            throw new ArgumentException($"{field}: {message}", nameof(request));
        }
        var watch = Stopwatch.StartNew();
        var until = request.EffectiveUntil;
        using var database = new ThrowawayDatabase("proef");
        // Midnight UTC of the start day is before 09:00 in Amsterdam, where the start step happens.
        var clock = new SimulationClock(new DateTimeOffset(request.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var recorder = new WaitDeadlineRecorder();
        await using var services = await SimulationEngine.BuildAsync(database.Options, AppContext.BaseDirectory, clock, s =>
        {
            configure?.Invoke(s);
            s.AddSingleton<IWaitObserver>(recorder);
        }, cancellationToken);

        var validation = services.GetRequiredService<DefinitionValidator>().Validate(request.Definition);
        if (!validation.IsValid)
        {
            return new TryOutResult(validation.Errors, null, request.Start, until, 0, null, [], null, watch.Elapsed.TotalSeconds);
        }
        var import = await services.GetRequiredService<DefinitionStore>().ImportAsync(request.Definition, "proef", cancellationToken);
        if (import.Status == DefinitionImportStatus.Invalid)
        {
            return new TryOutResult(import.Errors, null, request.Start, until, 0, null, [], null, watch.Elapsed.TotalSeconds);
        }

        var dbFactory = services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
        var calendar = services.GetRequiredService<BusinessCalendar>();
        var runner = new ScriptRunner(services.GetRequiredService<WorkflowRunner>(), services.GetRequiredService<TimerDispatcher>(), dbFactory, calendar, clock);
        var script = new KlantreisScript
        {
            Definition = validation.Model!.Id,
            KlantreisId = KlantreisId,
            Start = request.Start,
            Variables = request.Variables,
            StartAt = request.StartAt,
            Steps = request.Steps,
        };

        Guid instanceId;
        try
        {
            instanceId = await runner.StartAsync(script, cancellationToken);
        }
        catch (Exception ex) when (ex is ScriptException or InvalidInputException)
        {
            var path = ex is InvalidInputException { Errors: [var first, ..] } ? first.Field : "variables";
            return new TryOutResult([], new TryOutError(path, request.Start, Describe(ex)), request.Start, until, 0, null, [], null, watch.Elapsed.TotalSeconds);
        }

        TryOutError? error = null;
        var applied = 0;
        for (; applied < script.Steps.Count; applied++)
        {
            try
            {
                await runner.RunStepAsync(script, instanceId, applied, cancellationToken);
            }
            catch (Exception ex) when (ex is ScriptException or InvalidInputException)
            {
                error = new TryOutError($"steps[{applied}]", script.Steps[applied].Date, Describe(ex));
                break;
            }
        }
        if (error is null)
        {
            // Inclusive: a deadline ends at 23:59 on its last day, so its escalation on that day is shown.
            await runner.AdvanceToAsync(calendar.EndOfDayUtc(until), cancellationToken);
        }

        var timeline = await new TimelineReader(dbFactory, services.GetRequiredService<DefinitionCatalog>(), calendar)
            .ReadAsync(instanceId, recorder, cancellationToken);
        return new TryOutResult([], error, request.Start, until, applied, timeline.Status,
            timeline.Tasks.Where(t => t.Status == nameof(Workflows.Tasks.PartnerTaskStatus.Open)).ToList(), timeline, watch.Elapsed.TotalSeconds);
    }

    private static string Describe(Exception ex) => ex is InvalidInputException invalid && invalid.Errors.Count > 0
        ? $"{invalid.Message} " + string.Join("; ", invalid.Errors.Select(e => $"{e.Field}: {e.Message}"))
        : ex.Message;
}

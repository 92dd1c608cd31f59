using System.Text.Json.Nodes;
using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Simulation.Scripts;

/// <summary>
/// Plays a <see cref="KlantreisScript"/> against the engine in fake time: start the instance, then for each step move
/// the clock to 09:00 local on its day — firing every due timer at its own moment on the way, so reminders, escalations
/// and expiries happen when they would — and apply the step as the outside world would (an event by klantreis id, a
/// partner completing its task). Nothing is shortcut: the same runner, timers and task completion as in production.
/// </summary>
public sealed class ScriptRunner(
    WorkflowRunner runner, TimerDispatcher timers, IDbContextFactory<WorkflowsDbContext> dbFactory, BusinessCalendar calendar, ISettableClock clock)
{
    public static readonly TimeOnly StepTime = new(9, 0);

    /// <summary>Runs the script and returns the instance id. A step that cannot be applied throws <see cref="ScriptException"/>.</summary>
    public async Task<Guid> RunAsync(KlantreisScript script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var instanceId = await StartAsync(script, cancellationToken);
        for (var i = 0; i < script.Steps.Count; i++)
        {
            await RunStepAsync(script, instanceId, i, cancellationToken);
        }
        if (script.Until is { } until)
        {
            await AdvanceToAsync(At(until), cancellationToken);
        }
        return instanceId;
    }

    /// <summary>Moves the clock to the script's start and starts the instance; returns its id.</summary>
    public async Task<Guid> StartAsync(KlantreisScript script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var start = At(script.Start);
        if (start < clock.UtcNow)
        {
            throw new ScriptException($"The script starts on {script.Start:yyyy-MM-dd}, before the clock ({clock.UtcNow:yyyy-MM-dd}).");
        }
        await AdvanceToAsync(start, cancellationToken);
        var instance = await runner.StartAsync(
            new StartInstanceRequest(script.Definition, CorrelationKey: script.KlantreisId, Variables: (JsonObject)script.Variables.DeepClone(), StartAt: script.StartAt), cancellationToken);
        return instance.Id;
    }

    /// <summary>
    /// Moves the clock to the day of step <paramref name="index"/> (firing the timers on the way) and applies it. A step
    /// that cannot be applied throws <see cref="ScriptException"/>, naming the step.
    /// </summary>
    public async Task RunStepAsync(KlantreisScript script, Guid instanceId, int index, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var step = script.Steps[index];
        await AdvanceToAsync(At(step.Date), cancellationToken);
        await ApplyAsync(script, instanceId, step, index, cancellationToken);
    }

    /// <summary>Moves the clock to <paramref name="target"/>, firing every timer at its own due moment on the way.</summary>
    public Task<int> AdvanceToAsync(DateTimeOffset target, CancellationToken cancellationToken = default) =>
        timers.AdvanceAsync(target, () => clock.UtcNow, clock.MoveTo, cancellationToken);

    /// <summary>09:00 local time on <paramref name="day"/>, as an instant.</summary>
    public DateTimeOffset At(DateOnly day)
    {
        var local = day.ToDateTime(StepTime, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task ApplyAsync(KlantreisScript script, Guid instanceId, ScriptStep step, int index, CancellationToken cancellationToken)
    {
        var where = $"steps[{index}] ({step.Date:yyyy-MM-dd})";
        if (step.Event is { } eventName)
        {
            await runner.DeliverEventByCorrelationAsync(script.KlantreisId, eventName, step.Data?.DeepClone(), cancellationToken: cancellationToken);
            return;
        }
        PartnerTask? task;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            task = await db.Tasks.AsNoTracking()
                .Where(t => t.InstanceId == instanceId && t.TaskType == step.Task && t.Status == PartnerTaskStatus.Open)
                .OrderBy(t => t.CreatedAtUtc).ThenBy(t => t.ActivityKey)
                .FirstOrDefaultAsync(cancellationToken);
            if (task is null)
            {
                var open = await db.Tasks.AsNoTracking()
                    .Where(t => t.InstanceId == instanceId && t.Status == PartnerTaskStatus.Open)
                    .Select(t => t.TaskType).ToListAsync(cancellationToken);
                throw new ScriptException($"{where}: no open task '{step.Task}' to complete; open tasks: {(open.Count == 0 ? "none" : string.Join(", ", open.Order(StringComparer.Ordinal)))}.");
            }
        }
        var fields = (step.Fields ?? []).ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal);
        var result = await runner.CompleteTaskAsync(
            new CompleteTaskCommand(task.Id, TaskActor.Partner("scenario", task.Organisation), step.Outcome, fields), cancellationToken);
        if (result.Kind != TaskCompletionKind.Completed)
        {
            var errors = result.Errors is null ? "" : ": " + string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
            throw new ScriptException($"{where}: completing '{step.Task}' with '{step.Outcome}' was refused ({result.Kind}{(result.Reason is null ? "" : ", " + result.Reason)}){errors}.");
        }
    }
}

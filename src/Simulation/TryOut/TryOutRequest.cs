using System.Text.Json.Nodes;
using Inburgering.Simulation.Scripts;
using Inburgering.Workflows.Calendar;

namespace Inburgering.Simulation.TryOut;

/// <summary>
/// What to try out: a definition document (a draft that may never have been saved), a start day, start variables, the
/// outside world's steps (an event with data, or the completion of the open task of a task type with an outcome and
/// fields) and the day to run to. The work is bounded: at most <see cref="MaxSteps"/> steps and at most
/// <see cref="MaxYears"/> years of fake time.
/// </summary>
public sealed record TryOutRequest
{
    public const int MaxSteps = 200;

    public const int MaxYears = 10;

    /// <summary>Without <see cref="Until"/>, fake time runs on this long after the last step (or the start): long enough to see reminders, escalations and expiries.</summary>
    public const int DefaultHorizonMonths = 12;

    /// <summary>The definition document (JSON text).</summary>
    public required string Definition { get; init; }

    /// <summary>The day the instance starts (09:00 Europe/Amsterdam).</summary>
    public required DateOnly Start { get; init; }

    public JsonObject Variables { get; init; } = [];

    /// <summary>Trying out a take-over: the activities the klantreis starts at (none: from the Start activity).</summary>
    public IReadOnlyList<string>? StartAt { get; init; }

    /// <summary>In date order; each at 09:00 on its day, in the order written.</summary>
    public IReadOnlyList<ScriptStep> Steps { get; init; } = [];

    /// <summary>The last day to run (inclusive: fake time runs to the end of it); by default <see cref="DefaultHorizonMonths"/> after the last step.</summary>
    public DateOnly? Until { get; init; }

    /// <summary><see cref="Until"/>, or the default: <see cref="DefaultHorizonMonths"/> months after the last step (or the start), at most <see cref="MaxYears"/> years after the start.</summary>
    public DateOnly EffectiveUntil
    {
        get
        {
            if (Until is { } until)
            {
                return until;
            }
            var last = Steps.Count == 0 ? Start : Steps.Max(s => s.Date);
            var byDefault = last.AddMonths(DefaultHorizonMonths);
            return byDefault < Start.AddYears(MaxYears) ? byDefault : Start.AddYears(MaxYears);
        }
    }

    /// <summary>Every problem with the request (not the definition) by its camelCase path; empty when it can run.</summary>
    public IReadOnlyList<(string Field, string Message)> Validate()
    {
        var errors = new List<(string, string)>();
        var latest = Start.AddYears(MaxYears);
        if (Start.Year < DutchHolidays.FirstYear)
        {
            errors.Add(("start", $"The business calendar starts in {DutchHolidays.FirstYear}."));
        }
        if (Steps.Count > MaxSteps)
        {
            errors.Add(("steps", $"{Steps.Count} steps is more than the {MaxSteps} a try-out runs."));
        }
        for (var i = 0; i < Steps.Count && i < MaxSteps; i++)
        {
            var step = Steps[i];
            if ((step.Event is null) == (step.Task is null))
            {
                errors.Add(($"steps[{i}]", "Give either 'event' or 'task'."));
            }
            else if (step.Event is not null && (step.Outcome is not null || step.Fields is not null))
            {
                errors.Add(($"steps[{i}]", "An event step has 'data', not 'outcome' or 'fields'."));
            }
            else if (step.Task is not null && step.Data is not null)
            {
                errors.Add(($"steps[{i}]", "A task step has 'outcome' and 'fields', not 'data'."));
            }
            if (step.Date < Start)
            {
                errors.Add(($"steps[{i}].date", $"{step.Date:yyyy-MM-dd} is before the start ({Start:yyyy-MM-dd})."));
            }
            else if (i > 0 && step.Date < Steps[i - 1].Date)
            {
                errors.Add(($"steps[{i}].date", $"{step.Date:yyyy-MM-dd} comes before the step above it; write steps in date order."));
            }
            else if (step.Date > latest)
            {
                errors.Add(($"steps[{i}].date", $"{step.Date:yyyy-MM-dd} is more than {MaxYears} years after the start."));
            }
        }
        if (Until is { } until)
        {
            if (until < Start)
            {
                errors.Add(("until", $"{until:yyyy-MM-dd} is before the start ({Start:yyyy-MM-dd})."));
            }
            else if (until > latest)
            {
                errors.Add(("until", $"A try-out runs at most {MaxYears} years: until {latest:yyyy-MM-dd}."));
            }
            else if (Steps.Count > 0 && until < Steps.Max(s => s.Date))
            {
                errors.Add(("until", $"{until:yyyy-MM-dd} is before the last step ({Steps.Max(s => s.Date):yyyy-MM-dd})."));
            }
        }
        return errors;
    }
}

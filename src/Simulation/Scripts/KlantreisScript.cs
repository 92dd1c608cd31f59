using System.Text.Json.Nodes;

namespace Inburgering.Simulation.Scripts;

/// <summary>
/// One klantreis as a script: the definition, the start date and variables, and what happens on which day — events
/// from DUO, the BRP, the ISD (<see cref="ScriptStep.Event"/>) and partners completing their tasks
/// (<see cref="ScriptStep.Task"/>). A scenario test runs one in fake time; the simulation generates thousands.
/// </summary>
public sealed record KlantreisScript
{
    public string Title { get; init; } = "";

    public string? Description { get; init; }

    public required string Definition { get; init; }

    /// <summary>The pseudonymous klantreis id: the instance's correlation key; events are addressed to it.</summary>
    public required string KlantreisId { get; init; }

    /// <summary>The day the instance starts (09:00 local time).</summary>
    public required DateOnly Start { get; init; }

    public JsonObject Variables { get; init; } = [];

    /// <summary>A klantreis taken over while under way: the activities it starts at (none: from the Start activity).</summary>
    public IReadOnlyList<string>? StartAt { get; init; }

    public IReadOnlyList<ScriptStep> Steps { get; init; } = [];

    /// <summary>Fake time runs on to the start of this day after the last step, firing every timer on the way.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Facts computed by hand from the law, checked next to the golden timeline.</summary>
    public ScriptExpectations? Expect { get; init; }
}

/// <summary>
/// One thing on one day (at 09:00 local time, in the order written): an event for the klantreis, or the completion of
/// the open task of a task type with an outcome and form fields.
/// </summary>
public sealed record ScriptStep
{
    public required DateOnly Date { get; init; }

    /// <summary>An event name such as <c>DuoKennisgeving</c>, delivered by klantreis id.</summary>
    public string? Event { get; init; }

    /// <summary>The event's payload.</summary>
    public JsonObject? Data { get; init; }

    /// <summary>The task type of the open task to complete, e.g. <c>pip</c>.</summary>
    public string? Task { get; init; }

    public string? Outcome { get; init; }

    public JsonObject? Fields { get; init; }

    /// <summary>What the step is about, for people reading the scenario (not used by the runner).</summary>
    public string? Note { get; init; }
}

/// <summary>Hand-computed facts: the final day of the first task of a type, variables at the end, the end status.</summary>
public sealed record ScriptExpectations
{
    public string? Status { get; init; }

    /// <summary>Task type → the final day (after the Algemene termijnenwet) of the first task of that type.</summary>
    public IReadOnlyDictionary<string, DateOnly> Deadlines { get; init; } = new Dictionary<string, DateOnly>();

    public JsonObject Variables { get; init; } = [];

    /// <summary>Task types that must never have been opened.</summary>
    public IReadOnlyList<string> NoTasks { get; init; } = [];
}

using Inburgering.Simulation.Timeline;
using Inburgering.Workflows.Definitions;

namespace Inburgering.Simulation.TryOut;

/// <summary>
/// What a try-out produced. With <see cref="DefinitionErrors"/> nothing ran. Otherwise <see cref="Timeline"/> holds every
/// task, reminder, escalation, expiry and event by moment with the deadline explanations, and the end state; when the
/// start or a step could not be applied, <see cref="Error"/> says which and why and the run stopped there (the timeline
/// shows what happened until then; no timeline when the instance could not start).
/// </summary>
/// <param name="Until">The last day run (inclusive); when <see cref="Error"/> is set the run stopped earlier, at the failing step.</param>
/// <param name="StepsApplied">How many steps were applied before the end or the error.</param>
/// <param name="Status">The instance's status at the end (<c>Running</c>, <c>Completed</c>, <c>Faulted</c>…), or null when it did not start.</param>
/// <param name="OpenTasks">Partner tasks still open at the end.</param>
/// <param name="Seconds">Wall-clock time of the run, including building and removing the throwaway database.</param>
public sealed record TryOutResult(
    IReadOnlyList<DefinitionError> DefinitionErrors,
    TryOutError? Error,
    DateOnly Start,
    DateOnly Until,
    int StepsApplied,
    string? Status,
    IReadOnlyList<TimelineTask> OpenTasks,
    InstanceTimeline? Timeline,
    double Seconds)
{
    public bool Ran => DefinitionErrors.Count == 0 && Timeline is not null;
}

/// <summary>The start or a step that could not be applied.</summary>
/// <param name="Path">Where in the request: <c>steps[3]</c>, or <c>variables.naam</c> / <c>variables</c> when the instance could not start.</param>
/// <param name="Date">The day on which it was applied.</param>
/// <param name="Message">What went wrong, e.g. which tasks were open instead.</param>
public sealed record TryOutError(string Path, DateOnly Date, string Message);

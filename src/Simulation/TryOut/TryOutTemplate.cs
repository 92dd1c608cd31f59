using System.Text.Json.Nodes;
using Inburgering.Simulation.Scripts;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Tasks;

namespace Inburgering.Simulation.TryOut;

/// <summary>
/// A proposal for a try-out of a definition, for the designer to fill its form with: a start day, start variables (the
/// declared defaults), the steps to begin with, and what the definition can be given — the events its WaitForEvent
/// steps wait for and the task types of its PartnerTask steps with their outcomes and form fields — for dropdowns.
/// </summary>
/// <param name="Variables">Start variables: every declared default that is not sensitive, plus the klantreis defaults.</param>
/// <param name="Until">The day the try-out runs to by default (<see cref="TryOutRequest.EffectiveUntil"/>).</param>
public sealed record TryOutTemplate(
    string DefinitionId,
    DateOnly Start,
    JsonObject Variables,
    IReadOnlyList<ScriptStep> Steps,
    DateOnly Until,
    IReadOnlyList<TryOutVariable> VariableDeclarations,
    IReadOnlyList<TryOutEvent> Events,
    IReadOnlyList<TryOutTaskType> TaskTypes);

/// <summary>A declared variable as the form needs it (type as in the definition: <c>Text</c>, <c>Date</c>…).</summary>
public sealed record TryOutVariable(string Name, string Type, JsonNode? Default, string? Description, bool Sensitive);

/// <summary>An event the definition waits for, with the steps (key and Dutch name) that wait for it.</summary>
public sealed record TryOutEvent(string Name, IReadOnlyList<TryOutActivity> Activities);

/// <summary>A task type the definition opens, with the organisation, the outcomes a partner can choose and the form's fields.</summary>
/// <param name="Expires">Whether a task of this type expires at its deadline (then it leaves by <c>Verlopen</c>, not by an outcome given in a step).</param>
public sealed record TryOutTaskType(
    string TaskType, string? Organisation, string? Title, IReadOnlyList<TryOutActivity> Activities,
    IReadOnlyList<FormOutcome> Outcomes, IReadOnlyList<FormField> Fields, bool Expires);

public sealed record TryOutActivity(string Key, string Name);

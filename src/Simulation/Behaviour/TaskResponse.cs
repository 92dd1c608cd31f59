using System.Text.Json.Nodes;

namespace Inburgering.Simulation.Behaviour;

/// <summary>What a simulated partner does with a task: complete it on a day with an outcome and fields, or let it be.</summary>
/// <param name="Day">The day the partner acts; null = never (the task expires or stays open).</param>
public sealed record TaskResponse(DateOnly? Day, string? Outcome, JsonObject Fields)
{
    public static TaskResponse Never { get; } = new(null, null, []);
}

/// <summary>An event the simulated outside world sends (DUO, the ISD, the inburgeraar) on a day.</summary>
public sealed record PlannedEvent(DateOnly Day, string KlantreisId, string Name, JsonObject Data);

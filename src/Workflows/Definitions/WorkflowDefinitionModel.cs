using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Definitions;

/// <summary>
/// A workflow definition as written in JSON (<c>workflows/*.json</c>, the designer, the API): a flowchart of
/// activities and connections with variables and parameters. It may be invalid; <see cref="WorkflowDefinition"/>
/// is the validated, immutable form the runtime executes.
/// </summary>
public sealed record WorkflowDefinitionModel
{
    public required string Id { get; init; }

    public string Name { get; init; } = "";

    public string? Description { get; init; }

    public IReadOnlyList<VariableDeclaration> Variables { get; init; } = [];

    public IReadOnlyList<ParameterDeclaration> Parameters { get; init; } = [];

    public IReadOnlyList<ActivityNode> Activities { get; init; } = [];

    public IReadOnlyList<Connection> Connections { get; init; } = [];
}

/// <summary>One activity on the flowchart.</summary>
/// <param name="Key">Readable key, unique in the definition (e.g. <c>brede-intake</c>).</param>
/// <param name="Type">Stable activity type name (e.g. <c>PartnerTask</c>).</param>
/// <param name="Inputs">Input values by input name: literals or <c>{"expression": "…"}</c>.</param>
/// <param name="DisplayName">Dutch label on the canvas; defaults to the type's display name.</param>
/// <param name="Position">Designer position; not used at run time.</param>
/// <param name="OnFault">What a fault does: suspend the path with an incident (default) or continue by the <c>Fout</c> port.</param>
public sealed record ActivityNode(
    string Key,
    string Type,
    IReadOnlyDictionary<string, JsonNode?> Inputs,
    string? DisplayName = null,
    DesignerPosition? Position = null,
    FaultBehavior OnFault = FaultBehavior.Suspend);

/// <summary>Where an activity sits on the designer canvas.</summary>
public sealed record DesignerPosition(double X, double Y);

/// <summary>A connection from an activity's outcome port to another activity.</summary>
public sealed record Connection(string From, string Outcome, string To)
{
    public override string ToString() => $"{From}.{Outcome} → {To}";
}

/// <summary>A typed variable of every instance of the definition.</summary>
public sealed record VariableDeclaration(string Name, ValueKind Type, JsonNode? Default = null, string? Description = null)
{
    /// <summary>
    /// Holds a BSN, health data or other special personal data (law.md §9): never shown to partners, so a partner task
    /// may not share it, and never put in a message.
    /// </summary>
    public bool Sensitive { get; init; }
}

/// <summary>
/// A policy value a gemeente may tune without changing the flow (e.g. reminder lead time in werkdagen). Read-only at
/// run time; expressions see it as <c>parameters.name</c>.
/// </summary>
public sealed record ParameterDeclaration(string Name, ValueKind Type, JsonNode? Default, string? Description = null, string? Source = null);

/// <summary>The value types of variables and parameters.</summary>
public enum ValueKind
{
    Text,
    Number,
    Boolean,
    Date,
    Duration,
    Json,
}

/// <summary>What happens when an activity faults.</summary>
public enum FaultBehavior
{
    /// <summary>Record an incident, stop the path, mark the instance Faulted until an operator retries.</summary>
    Suspend,

    /// <summary>Record an incident for attention and leave by the <c>Fout</c> port (the path ends if it is unconnected).</summary>
    Continue,
}

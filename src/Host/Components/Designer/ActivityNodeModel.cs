using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace Inburgering.Host.Components.Designer;

/// <summary>
/// An activity on the canvas. Only the canvas knows this type: the designer's truth is the definition document
/// (<see cref="DesignerSession"/>), mapped onto these nodes by <see cref="WorkflowCanvas"/>, so the canvas library can be
/// replaced without touching the rest.
/// </summary>
public sealed class ActivityNodeModel : NodeModel
{
    public ActivityNodeModel(string key, Point position, bool hasInput = true) : base(key, position)
    {
        Key = key;
        // The start has nothing before it: no port to connect into.
        InputPort = hasInput ? (InputPortModel)AddPort(new InputPortModel(this)) : null;
    }

    public string Key { get; }

    public string TypeName { get; set; } = "";

    public string TypeDisplayName { get; set; } = "";

    public string Icon { get; set; } = "";

    public int ErrorCount { get; set; }

    public InputPortModel? InputPort { get; }

    public IEnumerable<OutcomePortModel> OutcomePorts => Ports.OfType<OutcomePortModel>();

    public OutcomePortModel AddOutcome(string outcome) => (OutcomePortModel)AddPort(new OutcomePortModel(this, outcome));

    public OutcomePortModel? FindOutcome(string outcome) => OutcomePorts.FirstOrDefault(p => p.Outcome == outcome);
}

/// <summary>Where connections arrive (left side).</summary>
public sealed class InputPortModel(ActivityNodeModel parent) : PortModel($"{parent.Key}:in", parent, PortAlignment.Left)
{
    public override bool CanAttachTo(ILinkable other) => other is OutcomePortModel port && port.Parent != Parent;
}

/// <summary>One outcome port (right side), e.g. <c>Ja</c>, <c>Afgerond</c>.</summary>
public sealed class OutcomePortModel(ActivityNodeModel parent, string outcome) : PortModel($"{parent.Key}:{outcome}", parent, PortAlignment.Right)
{
    public string Outcome { get; } = outcome;

    public ActivityNodeModel Activity => (ActivityNodeModel)Parent;

    public override bool CanAttachTo(ILinkable other) => other is InputPortModel port && port.Parent != Parent;
}

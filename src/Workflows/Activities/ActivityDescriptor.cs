namespace Inburgering.Workflows.Activities;

/// <summary>
/// Everything the designer and the validator need to know about an activity type, without running it.
/// </summary>
/// <param name="TypeName">Stable short name persisted in definitions (never a CLR name).</param>
/// <param name="Version">Version of the type's contract; bumped when inputs or outcomes change incompatibly.</param>
/// <param name="Category">Dutch palette category (e.g. <c>Besturing</c>, <c>Wachten</c>).</param>
/// <param name="DisplayName">Dutch name in the palette.</param>
/// <param name="Description">Dutch one-line explanation.</param>
/// <param name="Inputs">Typed inputs.</param>
/// <param name="Outcomes">Static outcome ports; activities with dynamic ports (Fork, Switch) add theirs per node.</param>
/// <param name="MayWait">Whether a path can wait here (open a bookmark). Cycles must pass through at least one such activity.</param>
/// <param name="Icon">Icon name for the designer.</param>
public sealed record ActivityDescriptor(
    string TypeName,
    int Version,
    string Category,
    string DisplayName,
    string Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<OutcomeDescriptor> Outcomes,
    bool MayWait = false,
    string Icon = "circle")
{
    public InputDescriptor? FindInput(string name) => Inputs.FirstOrDefault(i => i.Name == name);
}

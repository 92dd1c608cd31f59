namespace Inburgering.Workflows.Definitions;

/// <summary>One problem in a definition.</summary>
/// <param name="Path">JSON path to the offending element, e.g. <c>$.activities[2].inputs.condition</c>.</param>
/// <param name="Code">Stable machine-readable code (e.g. <c>unknown-activity-type</c>), one per rule.</param>
/// <param name="Message">Plain English explanation a coordinator's technical colleague can act on.</param>
public sealed record DefinitionError(string Path, string Code, string Message)
{
    public override string ToString() => $"{Path}: {Message} [{Code}]";
}

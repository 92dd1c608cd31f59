namespace Inburgering.Workflows.Definitions.Diff;

/// <summary>Which part of a definition a change is about.</summary>
public enum DiffArea
{
    /// <summary>A top-level setting: <c>id</c>, <c>name</c>, <c>description</c> (and, in a draft, any unknown root property).</summary>
    Definition,
    Activity,
    Connection,
    Variable,
    Parameter,
}

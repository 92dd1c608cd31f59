namespace Inburgering.Workflows.Definitions.Diff;

/// <summary>What happened to an element between two versions.</summary>
public enum DiffKind
{
    Added,
    Removed,
    Changed,

    /// <summary>
    /// Only the designer position of an activity changed. Reported apart from <see cref="Changed"/> because a move on
    /// the canvas does not change what the werkstroom does; a reader interested in meaning filters it out.
    /// </summary>
    Moved,
}

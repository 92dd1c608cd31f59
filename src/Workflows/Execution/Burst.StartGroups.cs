using Inburgering.Workflows.Instances;

namespace Inburgering.Workflows.Execution;

internal sealed partial class Burst
{
    private Func<Task<List<PendingEvent>>>? _loadPending;

    /// <summary>
    /// For a start in a group: where the events kept for the new instance's correlation key come from. The group reads
    /// them once for all its keys, and only when a burst first opens an event wait, so a group costs at most one such
    /// read. Starts with the same key get the same list, and claiming removes from it, so one kept event reaches one of
    /// them only — as if they had committed one after the other.
    /// </summary>
    public void LoadPendingEventsFrom(Func<Task<List<PendingEvent>>> load) => _loadPending = load;
}

namespace Inburgering.Workflows.Instances;

/// <summary>The life of a workflow instance.</summary>
public enum InstanceStatus
{
    /// <summary>Started and not finished: at least one path waits (for an event, a task, a timer).</summary>
    Running,

    /// <summary>A path faulted and an incident is open; the other paths go on. Retrying the incident resumes it.</summary>
    Faulted,

    /// <summary>Every path ended.</summary>
    Completed,

    /// <summary>Stopped on request; every wait was closed.</summary>
    Cancelled,
}

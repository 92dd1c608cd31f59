using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Stores;

namespace Inburgering.Workflows.Activities;

/// <summary>
/// Adds what belongs with a wait to the burst's transaction: a timer row for a deadline, a partner task and its
/// outbox message. Called while the burst runs, before its single commit, so wait and companions commit or fail together.
/// </summary>
public interface IWaitObserver
{
    ValueTask OnWaitOpenedAsync(WaitOpenedArguments arguments);

    ValueTask OnWaitClosedAsync(WaitClosedArguments arguments);
}

/// <param name="Session">The burst's unit of work: add rows, never commit it.</param>
public sealed record WaitOpenedArguments(IStoreSession Session, WorkflowInstance Instance, WorkflowWait Wait, WaitRequest Request, DateTimeOffset Now);

/// <param name="Session">The burst's unit of work: add or change rows, never commit it.</param>
/// <param name="TimersTracked">The burst already read every timer of this wait into <paramref name="Session"/>: no query needed.</param>
public sealed record WaitClosedArguments(IStoreSession Session, WorkflowInstance Instance, WorkflowWait Wait, WaitCloseReason Reason, DateTimeOffset Now, bool TimersTracked = false);

public enum WaitCloseReason
{
    /// <summary>What it waited for happened.</summary>
    Resumed,

    /// <summary>Another branch won (Join "any"), the instance was terminated or cancelled.</summary>
    Cancelled,
}

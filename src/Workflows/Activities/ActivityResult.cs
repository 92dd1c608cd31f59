namespace Inburgering.Workflows.Activities;

/// <summary>What an activity did; the runner turns it into the next steps of the path.</summary>
public abstract record ActivityResult
{
    /// <summary>Leave by the given outcome ports (one for most activities, several for a Fork).</summary>
    public static ActivityResult Complete(params string[] outcomes) => new Completed(outcomes);

    /// <summary>Leave by the given port and cancel the waits of every activity before this one (a Join in "any" mode).</summary>
    public static ActivityResult CompleteAndCancelUpstream(string outcome) => new Completed([outcome]) { CancelUpstreamWaits = true };

    /// <summary>Stop the path here until the wait is resumed.</summary>
    public static ActivityResult WaitFor(WaitRequest wait) => new Waiting(wait);

    /// <summary>The path arrived and is absorbed without continuing (a Join still waiting for other branches).</summary>
    public static ActivityResult Absorb() => Absorbed.Instance;

    /// <summary>End the whole instance now: every other open wait is cancelled.</summary>
    public static ActivityResult Terminate() => Terminated.Instance;

    /// <summary>End the whole instance now and have its records erased afterwards (retention, Besluit 9.9).</summary>
    public static ActivityResult TerminateAndErase() => Terminated.AndErase;

    public sealed record Completed(IReadOnlyList<string> Outcomes) : ActivityResult
    {
        public bool CancelUpstreamWaits { get; init; }
    }

    public sealed record Waiting(WaitRequest Wait) : ActivityResult;

    public sealed record Absorbed : ActivityResult
    {
        public static readonly Absorbed Instance = new();
    }

    public sealed record Terminated : ActivityResult
    {
        public static readonly Terminated Instance = new();

        public static readonly Terminated AndErase = new() { Erase = true };

        /// <summary>The instance's records are to be erased once it has ended.</summary>
        public bool Erase { get; init; }
    }
}

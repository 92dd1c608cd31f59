namespace Inburgering.Workflows.Execution;

/// <summary>
/// Gathers concurrent starts into groups (group commit). A start that arrives while fewer than
/// <paramref name="maxInFlight"/> groups are committing is committed at once, alone: no artificial delay when idle.
/// Starts that arrive while every slot is busy queue up, and the first slot to finish takes up to
/// <paramref name="maxGroupSize"/> of them as its next group. So the busier the engine, the larger its groups and
/// the fewer its commits.
/// </summary>
internal sealed class StartGroupGate(int maxGroupSize, int maxInFlight, Func<IReadOnlyList<PendingStart>, Task> commitGroup)
{
    private readonly Lock _lock = new();
    private readonly Queue<PendingStart> _waiting = new();
    private int _inFlight;

    /// <summary>Starts waiting for a slot (tests use it to know a group has formed).</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    public void Add(PendingStart start)
    {
        lock (_lock)
        {
            _waiting.Enqueue(start);
            if (_inFlight >= maxInFlight)
            {
                return; // a busy slot takes it when its commit is done
            }
            _inFlight++;
        }
        // The slot runs apart from the caller that opened it, so that caller returns as soon as its own group commits.
        // The caller's execution context (logging scopes, trace parent) stays with the caller: a group serves many.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(RunSlotAsync);
        }
    }

    /// <summary>Commits groups until nothing waits, then frees the slot.</summary>
    private async Task RunSlotAsync()
    {
        while (TakeGroup() is { } group)
        {
            await commitGroup(group);
        }
    }

    private List<PendingStart>? TakeGroup()
    {
        lock (_lock)
        {
            var group = new List<PendingStart>(Math.Min(_waiting.Count, maxGroupSize));
            while (group.Count < maxGroupSize && _waiting.TryDequeue(out var start))
            {
                // A caller that gave up while waiting is left out: nothing of its start has happened.
                if (start.CancellationToken.IsCancellationRequested)
                {
                    start.Done.TrySetCanceled(start.CancellationToken);
                    continue;
                }
                group.Add(start);
            }
            if (group.Count == 0)
            {
                _inFlight--;
                return null;
            }
            return group;
        }
    }
}

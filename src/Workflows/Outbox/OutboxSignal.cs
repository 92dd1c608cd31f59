namespace Inburgering.Workflows.Outbox;

/// <summary>
/// Wakes the dispatcher right after a commit that wrote outbox rows, so a message leaves within milliseconds rather than
/// at the next poll. Signals coalesce: many commits while a round runs cause one more round, not many.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another commit signalled at the same moment: one wake-up is enough.
        }
    }

    /// <summary>Waits for a signal or the poll interval, whichever comes first. True when signalled.</summary>
    public Task<bool> WaitAsync(TimeSpan poll, CancellationToken cancellationToken) => _signal.WaitAsync(poll, cancellationToken);

    public void Dispose() => _signal.Dispose();
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Inburgering.Workflows.Outbox;

/// <summary>
/// One drain of the outbox, pipelined: the next batch is claimed while the previous one is still being published, and
/// confirmed rows are marked in small groups as confirms arrive. So a message waits for its own publish, not for the
/// slowest publish of a round (P8 finding 3). Order per klantreis: a message is published only after the klantreis's
/// previous message (possibly from an earlier batch) was confirmed; if that one failed, the later ones are not tried.
/// After a failed publish (the broker is likely down) nothing more is claimed in this drain.
/// </summary>
internal sealed partial class OutboxDispatchRun(OutboxDispatcher dispatcher, OutboxOptions settings, ILogger logger, CancellationToken cancellationToken) : IDisposable
{
    private readonly SemaphoreSlim _lanes = new(settings.Parallelism, settings.Parallelism);
    private readonly Dictionary<Guid, Task<bool>> _lastPerKlantreis = [];
    private readonly List<Task<bool>> _running = [];
    private readonly ConcurrentQueue<Guid> _confirmed = new();
    private readonly ConcurrentQueue<(Guid Id, int Attempts, string Error)> _failed = new();
    private int _published;
    private volatile bool _brokerFailed;

    public async Task<int> ExecuteAsync()
    {
        try
        {
            while (!_brokerFailed)
            {
                if (_running.Count > settings.BatchSize / 2)
                {
                    // Enough in flight: wait for some to finish, mark them, then claim more.
                    await Task.WhenAny(_running);
                    Prune();
                    await MarkAsync();
                    continue;
                }
                var claimed = await dispatcher.ClaimAsync(settings, cancellationToken);
                foreach (var row in claimed.OrderBy(r => r.Sequence))
                {
                    Schedule(row);
                }
                await MarkAsync();
                if (claimed.Count < settings.BatchSize)
                {
                    // Nothing more is due now. What commits meanwhile signals the next drain, so no second claim here
                    // (one claim per drain when the load is light).
                    break;
                }
            }
            await Task.WhenAll(_running);
            return _published;
        }
        finally
        {
            await MarkAsync();
        }
    }

    public void Dispose() => _lanes.Dispose();

    private void Schedule(ClaimedMessage row)
    {
        var key = row.InstanceId ?? row.Id;
        var previous = _lastPerKlantreis.GetValueOrDefault(key);
        var publish = PublishAfterAsync(row, previous);
        _lastPerKlantreis[key] = publish;
        _running.Add(publish);
    }

    private async Task<bool> PublishAfterAsync(ClaimedMessage row, Task<bool>? previous)
    {
        if (previous is not null && !await previous)
        {
            _failed.Enqueue((row.Id, row.Attempts, "Wacht op een eerder bericht van dezelfde klantreis."));
            return false;
        }
        await _lanes.WaitAsync(cancellationToken);
        try
        {
            if (_brokerFailed)
            {
                _failed.Enqueue((row.Id, row.Attempts, "Niet geprobeerd: een eerder bericht in deze ronde mislukte."));
                return false;
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.PublishTimeout);
            await dispatcher.PublishAsync(OutboxDispatcher.ToOutgoing(row), timeout.Token);
            _confirmed.Enqueue(row.Id);
            Interlocked.Increment(ref _published);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogPublishFailed(ex, row.Id, row.MessageType);
            _failed.Enqueue((row.Id, row.Attempts + 1, Execution.Burst.Truncate($"{ex.GetType().Name}: {ex.Message}", 500)!));
            _brokerFailed = true;
            return false;
        }
        finally
        {
            _lanes.Release();
        }
    }

    /// <summary>Forgets finished publishes, keeping a klantreis's last one only while it still runs.</summary>
    private void Prune()
    {
        _running.RemoveAll(t => t.IsCompleted);
        foreach (var key in _lastPerKlantreis.Where(p => p.Value.IsCompleted).Select(p => p.Key).ToList())
        {
            _lastPerKlantreis.Remove(key);
        }
    }

    private Task MarkAsync()
    {
        var ok = Drain(_confirmed);
        var failed = Drain(_failed);
        return dispatcher.MarkAsync(ok, failed, settings, cancellationToken);
    }

    private static List<T> Drain<T>(ConcurrentQueue<T> queue)
    {
        var items = new List<T>();
        while (queue.TryDequeue(out var item))
        {
            items.Add(item);
        }
        return items;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} ({MessageType}) failed; it is retried with back-off")]
    private partial void LogPublishFailed(Exception exception, Guid messageId, string messageType);
}

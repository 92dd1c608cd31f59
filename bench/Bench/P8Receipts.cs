using System.Collections.Concurrent;
using System.Diagnostics;
using Inburgering.Contracts.Tasks;
using MassTransit;

namespace Inburgering.Bench;

/// <summary>
/// What the partner's consumer received: the first receipt per klantreis id (each bench operation uses its own id), and
/// how often a MessageId came again (a redelivery: allowed by at-least-once, counted apart) or a second, different
/// message came for the same id (an engine that wrote two rows for one task: wrong).
/// </summary>
internal sealed class ReceiptLog
{
    private readonly ConcurrentDictionary<Guid, int> _byMessage = new();
    private readonly ConcurrentDictionary<string, Receipt> _byKey = new(StringComparer.Ordinal);
    private long _duplicates;
    private long _secondMessages;

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long SecondMessages => Interlocked.Read(ref _secondMessages);

    public void Record(string key, Guid messageId, long timestamp)
    {
        if (_byMessage.AddOrUpdate(messageId, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }
        if (!_byKey.TryAdd(key, new Receipt(messageId, timestamp)))
        {
            Interlocked.Increment(ref _secondMessages);
        }
    }

    public bool TryGet(string key, out Receipt receipt) => _byKey.TryGetValue(key, out receipt!);

    /// <summary>Waits until every key has a receipt or <paramref name="timeout"/> passes; returns how many are still missing.</summary>
    public async Task<int> WaitForAsync(IReadOnlyList<string> keys, TimeSpan timeout)
    {
        var sw = Stopwatch.StartNew();
        var from = 0;
        while (true)
        {
            // Receipts come roughly in order, so resume the scan where the last one stopped.
            while (from < keys.Count && _byKey.ContainsKey(keys[from]))
            {
                from++;
            }
            var missing = keys.Skip(from).Count(k => !_byKey.ContainsKey(k));
            if (missing == 0 || sw.Elapsed > timeout)
            {
                return missing;
            }
            await Task.Delay(20);
        }
    }
}

/// <param name="Timestamp">Stopwatch timestamp taken as the consumer was entered.</param>
internal sealed record Receipt(Guid MessageId, long Timestamp);

/// <summary>The partner's side: a consumer of <see cref="TaskAssigned"/> on its own queue, recording when each arrived.</summary>
internal sealed class PartnerInboxConsumer(ReceiptLog log) : IConsumer<TaskAssigned>
{
    public const string QueueName = "p8-partner-isd-bollenstreek";

    public Task Consume(ConsumeContext<TaskAssigned> context)
    {
        var now = Stopwatch.GetTimestamp();
        log.Record(context.Message.KlantreisId, context.MessageId ?? Guid.Empty, now);
        return Task.CompletedTask;
    }
}

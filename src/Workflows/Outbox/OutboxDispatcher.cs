using System.Text.Json;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inburgering.Workflows.Outbox;

/// <summary>
/// Publishes outbox rows: claims a batch in insertion order (on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so several
/// Hosts take disjoint batches), publishes each instance's messages one after another and different instances in
/// parallel, marks what the broker confirmed, and leaves the rest for a retry with back-off. Delivery is at least once:
/// a crash between the broker's confirm and the mark publishes the row again, with the same message id.
/// </summary>
public sealed partial class OutboxDispatcher(
    IDbContextFactory<WorkflowsDbContext> dbFactory,
    IOutboxTransport transport,
    ResolvedDatabase database,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    /// <summary>Publishes everything that is due now; returns how many messages the broker confirmed.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var settings = options.Value;
            var published = 0;
            while (true)
            {
                var claimed = await ClaimAsync(settings, cancellationToken);
                if (claimed.Count == 0)
                {
                    break;
                }
                var (ok, failed) = await PublishAsync(claimed, settings, cancellationToken);
                await MarkAsync(ok, failed, settings, cancellationToken);
                published += ok.Count;
                if (failed.Count > 0 || claimed.Count < settings.BatchSize)
                {
                    break; // after a failure, wait for the back-off instead of hammering a broker that is down
                }
            }
            await CleanUpAsync(settings, cancellationToken);
            return published;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(List<Guid> Ok, List<(Guid Id, bool Attempted, string Error)> Failed)> PublishAsync(
        List<ClaimedMessage> claimed, OutboxOptions settings, CancellationToken cancellationToken)
    {
        var ok = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        var failed = new System.Collections.Concurrent.ConcurrentBag<(Guid, bool, string)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Order within an instance is kept by publishing its messages sequentially; rows without an instance stand alone.
        var groups = claimed.OrderBy(m => m.Sequence).GroupBy(m => m.InstanceId ?? m.Id).Select(g => g.ToList()).ToList();
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
            async (group, _) =>
            {
                for (var i = 0; i < group.Count; i++)
                {
                    var row = group[i];
                    if (stop.IsCancellationRequested)
                    {
                        failed.Add((row.Id, false, "Niet geprobeerd: een eerder bericht in deze ronde mislukte."));
                        continue;
                    }
                    try
                    {
                        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                        timeout.CancelAfter(settings.PublishTimeout);
                        await transport.PublishAsync(ToOutgoing(row), timeout.Token);
                        ok.Add(row.Id);
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        LogPublishFailed(ex, row.Id, row.MessageType);
                        failed.Add((row.Id, true, Truncate($"{ex.GetType().Name}: {ex.Message}")));
                        // The rest of this instance's messages must not overtake the failed one.
                        foreach (var later in group.Skip(i + 1))
                        {
                            failed.Add((later.Id, false, "Wacht op een eerder bericht van dezelfde klantreis."));
                        }
                        stop.Cancel();
                        return;
                    }
                }
            });
        return ([.. ok], [.. failed]);
    }

    private static OutgoingMessage ToOutgoing(ClaimedMessage row)
    {
        var type = OutboxMessageTypes.Resolve(row.MessageType);
        var message = JsonSerializer.Deserialize(row.PayloadJson, type, OutboxExtensions.Json)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} holds no {row.MessageType}.");
        return new OutgoingMessage(row.Id, message, type, row.Subject, new DateTimeOffset(row.CreatedAtUtc, TimeSpan.Zero));
    }

    private async Task MarkAsync(List<Guid> ok, List<(Guid Id, bool Attempted, string Error)> failed, OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        foreach (var chunk in ok.Chunk(1000))
        {
            await db.Outbox.Where(o => chunk.Contains(o.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.DispatchedAtUtc, nowUtc).SetProperty(o => o.ClaimedUntilUtc, (DateTime?)null), cancellationToken);
        }
        foreach (var (id, attempted, error) in failed)
        {
            var attempts = await db.Outbox.Where(o => o.Id == id).Select(o => o.Attempts).FirstOrDefaultAsync(cancellationToken) + (attempted ? 1 : 0);
            var retryAt = (now + RetryDelay(Math.Max(attempts, 1), settings)).UtcDateTime;
            await db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Attempts, attempts)
                .SetProperty(o => o.LastError, error)
                .SetProperty(o => o.ClaimedUntilUtc, retryAt), cancellationToken);
        }
    }

    private static TimeSpan RetryDelay(int attempts, OutboxOptions settings)
    {
        var delay = settings.RetryDelay * Math.Pow(2, Math.Min(attempts - 1, 16));
        return delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay;
    }

    /// <summary>Claims up to a batch of unpublished rows whose lease (or back-off) has passed.</summary>
    private async Task<List<ClaimedMessage>> ClaimAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var until = (now + settings.ClaimDuration).UtcDateTime;
        var limit = settings.BatchSize;
        var query = database.Provider == DatabaseProvider.Postgres
            ? db.Database.SqlQuery<ClaimedMessage>($"""
                UPDATE workflow_outbox SET "ClaimedUntilUtc" = {until}
                WHERE "Sequence" IN (SELECT "Sequence" FROM workflow_outbox
                               WHERE "DispatchedAtUtc" IS NULL AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {nowUtc})
                               ORDER BY "Sequence" LIMIT {limit} FOR UPDATE SKIP LOCKED)
                RETURNING "Sequence", "Id", "MessageType", "PayloadJson"::text AS "PayloadJson", "InstanceId", "Subject", "CreatedAtUtc"
                """)
            : db.Database.SqlQuery<ClaimedMessage>($"""
                UPDATE workflow_outbox SET "ClaimedUntilUtc" = {until}
                WHERE "Sequence" IN (SELECT "Sequence" FROM workflow_outbox
                               WHERE "DispatchedAtUtc" IS NULL AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {nowUtc})
                               ORDER BY "Sequence" LIMIT {limit})
                RETURNING "Sequence", "Id", "MessageType", "PayloadJson", "InstanceId", "Subject", "CreatedAtUtc"
                """);
        var rows = await query.ToListAsync(cancellationToken);
        // SQLite hands times back without a kind; every stored time is UTC.
        return rows.Select(r => r with { CreatedAtUtc = DateTime.SpecifyKind(r.CreatedAtUtc, DateTimeKind.Utc) }).ToList();
    }

    /// <summary>Deletes published rows past their retention, at most every ten minutes.</summary>
    private async Task CleanUpAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _lastCleanup < TimeSpan.FromMinutes(10))
        {
            return;
        }
        _lastCleanup = now;
        var cutoff = (now - settings.RetainPublished).UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Outbox.Where(o => o.DispatchedAtUtc != null && o.DispatchedAtUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..499] + "…";

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} ({MessageType}) failed; it is retried with back-off")]
    private partial void LogPublishFailed(Exception exception, Guid messageId, string messageType);
}

/// <summary>An outbox row as claimed.</summary>
internal sealed record ClaimedMessage(long Sequence, Guid Id, string MessageType, string PayloadJson, Guid? InstanceId, string? Subject, DateTime CreatedAtUtc);

using System.Text.Json;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inburgering.Workflows.Outbox;

/// <summary>
/// Publishes outbox rows: claims batches in insertion order (on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so several
/// Hosts take disjoint batches) and hands them to an <see cref="OutboxDispatchRun"/>, which publishes each instance's
/// messages one after another and different instances in parallel, marks what the broker confirmed, and leaves the rest
/// for a retry with back-off. Delivery is at least once: a crash between the broker's confirm and the mark publishes
/// the row again, with the same message id.
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
            using var run = new OutboxDispatchRun(this, options.Value, logger, cancellationToken);
            var published = await run.ExecuteAsync();
            await CleanUpAsync(options.Value, cancellationToken);
            return published;
        }
        finally
        {
            _gate.Release();
        }
    }

    internal static OutgoingMessage ToOutgoing(ClaimedMessage row)
    {
        var type = OutboxMessageTypes.Resolve(row.MessageType);
        var message = JsonSerializer.Deserialize(row.PayloadJson, type, OutboxExtensions.Json)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} holds no {row.MessageType}.");
        return new OutgoingMessage(row.Id, message, type, row.Subject, new DateTimeOffset(row.CreatedAtUtc, TimeSpan.Zero));
    }

    internal Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken) => transport.PublishAsync(message, cancellationToken);

    /// <summary>Marks confirmed rows published, and gives failed ones their attempt, error and back-off.</summary>
    /// <param name="failed">Each failed row with its attempts counted so far (including this one, if it was tried).</param>
    internal async Task MarkAsync(IReadOnlyList<Guid> ok, IReadOnlyList<(Guid Id, int Attempts, string Error)> failed, OutboxOptions settings, CancellationToken cancellationToken)
    {
        if (ok.Count == 0 && failed.Count == 0)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        foreach (var chunk in ok.Chunk(1000))
        {
            await db.Outbox.Where(o => chunk.Contains(o.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.DispatchedAtUtc, nowUtc).SetProperty(o => o.ClaimedUntilUtc, (DateTime?)null), cancellationToken);
        }
        foreach (var (id, attempts, error) in failed)
        {
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
    internal async Task<List<ClaimedMessage>> ClaimAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var until = (now + settings.ClaimDuration).UtcDateTime;
        var limit = settings.BatchSize;
        var rows = await db.Database.SqlQuery<ClaimedMessage>(ClaimSql.For(database.Provider, """
            UPDATE workflow_outbox SET "ClaimedUntilUtc" = {0}
            WHERE "Sequence" IN (SELECT "Sequence" FROM workflow_outbox
                                 WHERE "DispatchedAtUtc" IS NULL AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {1})
                                 ORDER BY "Sequence" LIMIT {2}{skipLocked})
            RETURNING "Sequence", "Id", "MessageType", "PayloadJson"{asText} AS "PayloadJson", "InstanceId", "Subject", "CreatedAtUtc", "Attempts"
            """, until, nowUtc, limit)).ToListAsync(cancellationToken);
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

    public void Dispose() => _gate.Dispose();
}

/// <summary>An outbox row as claimed.</summary>
/// <param name="Attempts">Failed publishes so far, for the next back-off.</param>
internal sealed record ClaimedMessage(long Sequence, Guid Id, string MessageType, string PayloadJson, Guid? InstanceId, string? Subject, DateTime CreatedAtUtc, int Attempts);

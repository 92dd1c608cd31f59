using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;

namespace Inburgering.Workflows.Persistence;

/// <summary>
/// Commits a change set that only inserts rows — what a unit of starts produces (<c>IWorkflowStore.OpenForStartsAsync</c>,
/// committed by <c>EfStoreSession</c>): instances, journal entries, waits,
/// timers, tasks, outbox messages — in ONE round trip on PostgreSQL: per table one <c>INSERT … SELECT FROM unnest(…)</c>
/// with an array per column, sent as one batch. Without an explicit BEGIN, PostgreSQL runs the batch as one implicit
/// transaction, so it commits whole or not at all, like SaveChanges. Why: a start is mostly inserts, and EF's update
/// pipeline (a statement and a parameter per cell, its command building, its transaction round trips) cost more client
/// and server CPU than the rows themselves (docs/performance.md, P1).
/// Anything else — SQLite, an update or delete in the set, a store-generated key, outbox rows, an open transaction — goes
/// through SaveChanges unchanged. EF's SaveChanges interceptors do not see this path; the one the engine has
/// (OutboxSignalInterceptor) only cares about outbox rows, which take it only from <c>NpgsqlStartSession</c> (through
/// <see cref="ExecuteAsync"/>), and that session wakes the dispatcher itself.
/// </summary>
internal static class InsertOnlyCommit
{
    /// <summary>
    /// EF's own diagnostics do not see this batch, so it reports itself under this name (event
    /// <see cref="ExecutedEvent"/> with an <see cref="InsertOnlyCommitExecuted"/>): the benchmarks count its round trips.
    /// </summary>
    public const string DiagnosticName = "Inburgering.Workflows.Persistence";

    public const string ExecutedEvent = "InsertOnlyCommitExecuted";

    /// <summary>A read a start unit made without EF (<c>NpgsqlStartSession</c>), reported with a <see cref="StartUnitReadExecuted"/>.</summary>
    public const string ReadEvent = "StartUnitReadExecuted";

    private static readonly DiagnosticListener Diagnostics = new(DiagnosticName);

    /// <summary>
    /// Saves the tracked changes of <paramref name="db"/>: the one-round-trip path when it applies, else SaveChanges.
    /// True when the changes went in one batch.
    /// </summary>
    public static async Task<bool> SaveAsync(WorkflowsDbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql() || db.Database.CurrentTransaction is not null || Added(db) is not { } rows)
        {
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
        if (rows.Count > 0)
        {
            await WriteAsync(db, rows, cancellationToken);
        }
        db.ChangeTracker.AcceptAllChanges();
        return true;
    }

    /// <summary>The Added rows by entity type, or null when the change set holds anything this path does not write.</summary>
    private static Dictionary<InsertTable, List<object>>? Added(WorkflowsDbContext db)
    {
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false; // Added rows need no scan; rows read unchanged get one below
        try
        {
            var entries = tracker.Entries().ToList();
            if (entries.Any(e => e.State == EntityState.Unchanged))
            {
                tracker.DetectChanges(); // a row read in the burst may have been changed in memory
                entries = tracker.Entries().ToList();
            }
            var rows = new Dictionary<InsertTable, List<object>>();
            foreach (var entry in entries)
            {
                if (entry.State == EntityState.Unchanged)
                {
                    continue;
                }
                if (entry.State != EntityState.Added || InsertTable.For(entry.Metadata) is not { } table || HasTemporaryValues(entry, table))
                {
                    return null;
                }
                if (entry.Entity is Outbox.OutboxMessage)
                {
                    return null; // its commit must wake the dispatcher, which a SaveChanges interceptor does (OutboxSignalInterceptor)
                }
                if (!rows.TryGetValue(table, out var list))
                {
                    rows[table] = list = [];
                }
                list.Add(entry.Entity);
            }
            return rows;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Runs one batch and reports it. Its first <paramref name="writes"/> commands commit together (one implicit
    /// transaction: an error in any of them commits none). A read may follow behind an error barrier (its own
    /// transaction, after that commit): the values of its <c>CorrelationKey</c> column are returned — null when no read
    /// followed, or when it failed after the writes had committed.
    /// </summary>
    /// <param name="landed">
    /// Asked on a fresh connection when the batch failed after its last insert ran: did the writes commit? An error
    /// then may be the read's (after the commit) or the commit's own (a dropped connection, a failover), and they look
    /// alike from here. True: only the read failed. False: the batch's error is thrown. No answer after a few tries:
    /// <see cref="Stores.CommitOutcomeUnknownException"/>. Without it, such an error is thrown as it is.
    /// </param>
    internal static async Task<HashSet<string>?> ExecuteAsync(
        NpgsqlBatch batch, int writes, int rows, CancellationToken cancellationToken, Func<Task<bool>>? landed = null)
    {
        var started = Stopwatch.GetTimestamp();
        var readAfter = batch.BatchCommands.Count > writes;
        HashSet<string>? keys = null;
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            keys = readAfter ? await ReadKeysAsync(reader, cancellationToken) : null;
        }
        catch (Exception ex) when (readAfter && landed is not null && batch.BatchCommands[writes - 1].RecordsAffected > 0)
        {
            // Every insert writes at least one row, so the last one ran; whether the commit did is asked, not guessed.
            if (!await AskedAsync(landed, ex))
            {
                ExceptionDispatchInfo.Throw(ex);
            }
        }
        if (Diagnostics.IsEnabled(ExecutedEvent))
        {
            Diagnostics.Write(ExecutedEvent, new InsertOnlyCommitExecuted(
                batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText).ToList(), rows, Stopwatch.GetElapsedTime(started)));
        }
        return keys;
    }

    /// <summary>The answer of <paramref name="landed"/>, asked up to three times; no answer is not "no".</summary>
    private static async Task<bool> AskedAsync(Func<Task<bool>> landed, Exception batchError)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await landed();
            }
            catch (Exception) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
            catch (Exception)
            {
                throw new Stores.CommitOutcomeUnknownException(batchError);
            }
        }
    }

    /// <summary>The result set named <c>CorrelationKey</c> (the read after the barrier), passing over the others.</summary>
    private static async Task<HashSet<string>> ReadKeysAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            if (reader.FieldCount == 1 && reader.GetName(0) == "CorrelationKey")
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    keys.Add(reader.GetString(0));
                }
            }
        }
        while (await reader.NextResultAsync(cancellationToken));
        return keys;
    }

    /// <summary>Reports a read made without EF, which EF's own diagnostics do not see.</summary>
    internal static void ReportRead(string statement, long startedTimestamp)
    {
        if (Diagnostics.IsEnabled(ReadEvent))
        {
            Diagnostics.Write(ReadEvent, new StartUnitReadExecuted(statement, Stopwatch.GetElapsedTime(startedTimestamp)));
        }
    }

    /// <summary>
    /// A key the database is still to assign (an identity column): SaveChanges reads it back, this path would not; or an
    /// identity the caller set, which this path would leave out and let the database number anew.
    /// </summary>
    private static bool HasTemporaryValues(EntityEntry entry, InsertTable table) =>
        table.Generated.Any(p => entry.Property(p).IsTemporary) || !table.LeavesToDatabase(entry.Entity);

    private static async Task WriteAsync(WorkflowsDbContext db, Dictionary<InsertTable, List<object>> rows, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var batch = new NpgsqlBatch(connection);
            // Tables in a fixed order (instances before the rows that belong to them), so concurrent groups take their
            // locks in the same order.
            foreach (var (table, entities) in rows.OrderBy(r => r.Key.Order))
            {
                batch.BatchCommands.Add(table.Command(entities));
            }
            await ExecuteAsync(batch, batch.BatchCommands.Count, rows.Values.Sum(r => r.Count), cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            // What SaveChanges would throw, so callers keep one way to see a lost race (a key taken meanwhile).
            throw new DbUpdateException($"The insert-only commit failed: {ex.Message}", ex);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>One insert-only commit: its statements (one per table), the rows it wrote, and how long the caller waited.</summary>
internal sealed record InsertOnlyCommitExecuted(IReadOnlyList<string> Statements, int Rows, TimeSpan Duration);

/// <summary>One read of a start unit without EF: its statement and how long the caller waited.</summary>
internal sealed record StartUnitReadExecuted(string Statement, TimeSpan Duration);

using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Outbox;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Inburgering.Workflows.Stores.Ef;

/// <summary>
/// A unit that only starts instances, on PostgreSQL, without EF Core: the rows it adds are kept in lists and written as
/// one batch of <c>unnest</c> inserts (<see cref="InsertTable"/>, one implicit transaction) — outbox rows included, their
/// sequence numbered by the database — with the check and the look for kept events in the same round trip. What a start
/// costs in EF's change tracker and query pipeline was most of the client's CPU of a start (bench P1). The one thing a
/// plain batch does not do — deleting a kept event a start claimed — commits through an EF context instead.
/// </summary>
internal sealed class NpgsqlStartSession(
    IDbContextFactory<WorkflowsDbContext> dbFactory, IModel model, string connectionString, OutboxSignal outboxSignal, KeptEventsGuard guard)
    : IStoreSession
{
    private readonly List<object> _added = [];
    private readonly List<PendingEvent> _read = [];
    private readonly HashSet<object> _removed = new(ReferenceEqualityComparer.Instance);

    /// <summary>Keys the unit assumed have nothing kept (<see cref="CheckNothingKeptAtCommit"/>); the commit checks them.</summary>
    private readonly HashSet<string> _assumedNothingKept = new(StringComparer.Ordinal);

    public Task<List<PendingEvent>> PendingEventsAsync(Guid? instanceId, IReadOnlyCollection<string> correlationKeys, CancellationToken cancellationToken = default) =>
        instanceId is not null
            ? throw StartsOnly()
            : ReadPendingAsync(correlationKeys, cancellationToken);

    private async Task<List<PendingEvent>> ReadPendingAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var rows = await ReadByKeysAsync(
            """
            SELECT "Id", "CorrelationKey", "EventName", "PayloadJson"::text, "ReceivedAtUtc" FROM workflow_pending_events
            WHERE "InstanceId" IS NULL AND "CorrelationKey" = ANY($1) ORDER BY "ReceivedAtUtc"
            """,
            keys,
            reader => new PendingEvent
            {
                Id = reader.GetGuid(0),
                CorrelationKey = reader.GetString(1),
                EventName = reader.GetString(2),
                PayloadJson = reader.IsDBNull(3) ? null : reader.GetString(3),
                ReceivedAtUtc = DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc),
            },
            cancellationToken);
        _read.AddRange(rows);
        return rows;
    }

    /// <summary>The function that fails a start batch when an event is kept for one of its keys (migration KeptEventsGuard).</summary>
    internal const string GuardStatement = "SELECT workflow_assert_nothing_kept($1)";

    /// <summary>The SQLSTATE that function raises.</summary>
    internal const string SomethingKeptState = "IWK01";

    private const string KeptKeysStatement =
        """SELECT DISTINCT "CorrelationKey" FROM workflow_pending_events WHERE "InstanceId" IS NULL AND "CorrelationKey" = ANY($1)""";

    public bool CheckNothingKeptAtCommit(IReadOnlyCollection<string> correlationKeys)
    {
        if (!guard.Available)
        {
            return false;
        }
        _assumedNothingKept.UnionWith(correlationKeys);
        return true;
    }

    public async Task<HashSet<string>> KeysWithPendingEventsAsync(IReadOnlyCollection<string> correlationKeys, CancellationToken cancellationToken = default) =>
        (await ReadByKeysAsync(KeptKeysStatement, correlationKeys, reader => reader.GetString(0), cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>One plain read with the correlation keys as its array parameter, reported like EF's commands for the bench.</summary>
    private async Task<List<T>> ReadByKeysAsync<T>(string sql, IReadOnlyCollection<string> keys, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        PlainRoundTrips++;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = keys.ToArray() });
        var rows = new List<T>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(map(reader));
            }
        }
        InsertOnlyCommit.ReportRead(sql, started);
        return rows;
    }

    // A new instance's tasks and timers are all added by this unit.
    public Task<PartnerTask?> FindTaskAsync(Guid id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_added.OfType<PartnerTask>().FirstOrDefault(t => t.Id == id));

    public Task<List<WorkflowTimer>> TimersOfWaitAsync(Guid waitId, bool alreadyLoaded, CancellationToken cancellationToken = default) =>
        Task.FromResult(_added.OfType<WorkflowTimer>().Where(t => t.WaitId == waitId).ToList());

    public bool IsRemoved(object row) => _removed.Contains(row);

    /// <summary>True once the unit committed as one plain batch (false: it went through EF, or has not committed).</summary>
    internal bool WroteBatch { get; private set; }

    /// <summary>The round trips this unit made without EF: its plain reads and its batch.</summary>
    internal int PlainRoundTrips { get; private set; }

    /// <summary>The statements of the batch it committed (tests check the guard leads and the look follows).</summary>
    internal IReadOnlyList<string> BatchStatements { get; private set; } = [];

    /// <summary>What the look in the batch found: the keys with kept events after the commit (null: no look, or it failed).</summary>
    internal HashSet<string>? KeptKeysFound { get; private set; }

    public void Add<T>(T row) where T : class => _added.Add(row);

    public void Remove<T>(T row) where T : class
    {
        var index = _added.FindIndex(a => ReferenceEquals(a, row));
        if (index >= 0)
        {
            _added.RemoveAt(index);
        }
        _removed.Add(row);
    }

    public List<DateTime> AddedTimerDueTimes() => _added.OfType<WorkflowTimer>().Select(t => t.DueAtUtc).ToList();

    public async Task CommitAsync(CancellationToken cancellationToken = default) => await CommitAsync(lookAfter: null, cancellationToken);

    /// <summary>On the plain batch, the look after the commit rides in the commit's round trip, behind an error barrier.</summary>
    public Task<HashSet<string>?> CommitThenFindKeptKeysAsync(IReadOnlyCollection<string> correlationKeys, CancellationToken cancellationToken = default) =>
        CommitAsync(correlationKeys, cancellationToken);

    /// <summary>
    /// Commits; with <paramref name="lookAfter"/>, then says which of those keys have events kept (null when that read
    /// failed after the commit succeeded).
    /// </summary>
    private async Task<HashSet<string>?> CommitAsync(IReadOnlyCollection<string>? lookAfter, CancellationToken cancellationToken)
    {
        var claimed = _read.Where(_removed.Contains).ToList();
        var tables = claimed.Count > 0 ? null : Tables();
        if (tables is null)
        {
            await CheckNothingKeptAsync(cancellationToken);
            await CommitThroughEfAsync(claimed, cancellationToken);
            return lookAfter is null ? null : await IStoreSession.LookAfterCommitAsync(this, lookAfter, cancellationToken);
        }
        try
        {
            return await CommitAsBatchAsync(tables, lookAfter, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is SomethingKeptState)
        {
            throw new KeptEventsFoundException(ex);
        }
        catch (PostgresException ex) when (ex.SqlState is "42883" && _assumedNothingKept.Count > 0
            && ex.MessageText.Contains("workflow_assert_nothing_kept", StringComparison.Ordinal))
        {
            // The guard function is missing (a database restored without the migration): from now on starts read the kept
            // events first, and this group runs again that way.
            guard.Missing(ex);
            throw new KeptEventsFoundException(ex);
        }
        catch (PostgresException ex) when (ex.SqlState is "23505" or "40001" or "40P01")
        {
            throw new StoreConflictException($"The start lost a race and committed nothing: {ex.Message}", ex);
        }
        catch (NpgsqlException ex) when (ex.IsTransient)
        {
            throw new StoreConflictException($"The start could not commit and committed nothing: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// ONE round trip: the guard for the keys assumed to have nothing kept (it raises, failing the implicit transaction,
    /// when one has), the inserts, and — behind an error barrier, so in its own transaction after the commit — the look
    /// for events kept meanwhile. An error up to the barrier means nothing committed; after it, only the look failed.
    /// </summary>
    private async Task<HashSet<string>?> CommitAsBatchAsync(Dictionary<InsertTable, List<object>> tables, IReadOnlyCollection<string>? lookAfter, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        if (_assumedNothingKept.Count > 0)
        {
            batch.BatchCommands.Add(KeysCommand(GuardStatement, _assumedNothingKept));
        }
        foreach (var (table, rows) in tables.OrderBy(t => t.Key.Order))
        {
            batch.BatchCommands.Add(table.Command(rows));
        }
        var writes = batch.BatchCommands.Count;
        var look = lookAfter is { Count: > 0 };
        if (look)
        {
            batch.BatchCommands[writes - 1].AppendErrorBarrier = true;
            batch.BatchCommands.Add(KeysCommand(KeptKeysStatement, lookAfter!));
        }
        PlainRoundTrips++;
        BatchStatements = batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText).ToList();
        var kept = await InsertOnlyCommit.ExecuteAsync(batch, writes, _added.Count, cancellationToken, LandedAsync);
        WroteBatch = true;
        KeptKeysFound = kept;
        if (_added.Any(r => r is OutboxMessage))
        {
            outboxSignal.Notify(); // what OutboxSignalInterceptor does after a SaveChanges that wrote outbox rows
        }
        return lookAfter is null ? null : look ? kept : [];
    }

    /// <summary>Whether this unit's first instance is in the database: after a batch failed past its last insert.</summary>
    private async Task<bool> LandedAsync()
    {
        if (_added.OfType<WorkflowInstance>().FirstOrDefault() is not { } instance)
        {
            return false;
        }
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT EXISTS (SELECT 1 FROM workflow_instances WHERE "Id" = $1)""", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = instance.Id });
        return await command.ExecuteScalarAsync() is true;
    }

    private static NpgsqlBatchCommand KeysCommand(string sql, IReadOnlyCollection<string> keys) =>
        new(sql) { Parameters = { new NpgsqlParameter { Value = keys.ToArray() } } };

    /// <summary>Off the plain batch (through EF): the guard is the read it replaced, before the commit.</summary>
    private async Task CheckNothingKeptAsync(CancellationToken cancellationToken)
    {
        if (_assumedNothingKept.Count > 0 && (await KeysWithPendingEventsAsync(_assumedNothingKept, cancellationToken)).Count > 0)
        {
            throw new KeptEventsFoundException();
        }
    }

    /// <summary>The added rows by table, or null when a type cannot be written by a plain batch.</summary>
    private Dictionary<InsertTable, List<object>>? Tables()
    {
        var tables = new Dictionary<InsertTable, List<object>>();
        foreach (var row in _added)
        {
            if (model.FindEntityType(row.GetType()) is not { } type || InsertTable.For(type) is not { } table || !KeysSet(table, row))
            {
                return null;
            }
            if (!tables.TryGetValue(table, out var rows))
            {
                tables[table] = rows = [];
            }
            rows.Add(row);
        }
        return tables;
    }

    /// <summary>
    /// EF marks every Guid key "generated on add" by convention, but the engine always sets them (Guid.CreateVersion7):
    /// only a Guid left empty needs EF. An identity the database assigns (the outbox's Sequence) is left to it: a start
    /// never reads it back.
    /// </summary>
    private static bool KeysSet(InsertTable table, object row) =>
        table.LeavesToDatabase(row)
        && table.Generated.All(p => table.AssignedByDatabase.Contains(p)
            || (p.ClrType == typeof(Guid) && p.GetGetter().GetClrValueUsingContainingEntity(row) is Guid id && id != Guid.Empty));

    private async Task CommitThroughEfAsync(List<PendingEvent> claimed, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A start only ever deletes the kept events it claimed; it never changes one.
        foreach (var row in claimed)
        {
            db.PendingEvents.Attach(row);
            db.PendingEvents.Remove(row);
        }
        db.AddRange(_added);
        await new EfStoreSession(db, startsOnly: true).CommitAsync(cancellationToken);
    }

    public Task<WorkflowInstance?> FindInstanceAsync(Guid id, CancellationToken cancellationToken = default) => throw StartsOnly();

    public Task<List<WorkflowInstance>> FindInstancesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) => throw StartsOnly();

    public Task<List<WorkflowWait>> WaitsOfAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken = default) => throw StartsOnly();

    public Task<List<WorkflowTimer>> TimersOfInstancesAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken = default) => throw StartsOnly();

    public Task<List<WorkflowTimer>> TimerWithSiblingsAsync(Guid timerId, CancellationToken cancellationToken = default) => throw StartsOnly();

    public Task<Incident?> FindIncidentAsync(Guid id, CancellationToken cancellationToken = default) => throw StartsOnly();

    public Task<PartnerTask?> ReadTaskAsync(Guid id, CancellationToken cancellationToken = default) => throw StartsOnly();

    public Task<Guid?> InstanceOfWaitAsync(Guid waitId, CancellationToken cancellationToken = default) => throw StartsOnly();

    public Task<Guid?> InstanceOfTimerAsync(Guid timerId, CancellationToken cancellationToken = default) => throw StartsOnly();

    public Task<Guid?> InstanceOfIncidentAsync(Guid incidentId, CancellationToken cancellationToken = default) => throw StartsOnly();

    public Task<List<Guid>> LiveInstancesWithKeyAsync(string correlationKey, CancellationToken cancellationToken = default) => throw StartsOnly();

    public Task<bool> IsProcessedAsync(string messageId, string receiver, CancellationToken cancellationToken = default) => throw StartsOnly();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static InvalidOperationException StartsOnly() => new("A unit opened for starts only adds rows and reads the events kept for its keys.");
}

using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Workflows.Stores.Ef;

/// <summary>
/// A unit of work on a <see cref="WorkflowsDbContext"/>: tracked reads, EF's change tracking, one commit. Exposed as
/// <see cref="Db"/> for code that only runs on the database (tests looking at which context built what).
/// </summary>
/// <param name="startsOnly">The unit only starts instances (<see cref="IWorkflowStore.OpenForStartsAsync"/>): its commit takes
/// the one-batch insert path, which itself falls back to SaveChanges for anything but inserts on PostgreSQL.</param>
public sealed class EfStoreSession(WorkflowsDbContext db, bool startsOnly) : IStoreSession
{
    public WorkflowsDbContext Db { get; } = db;

    public Task<WorkflowInstance?> FindInstanceAsync(Guid id, CancellationToken cancellationToken = default) =>
        Db.Instances.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public Task<List<WorkflowInstance>> FindInstancesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        Db.Instances.Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);

    public Task<List<WorkflowWait>> WaitsOfAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken = default) =>
        instanceIds.Count == 1 && instanceIds.First() is var id
            ? Db.Waits.Where(w => w.InstanceId == id).ToListAsync(cancellationToken)
            : Db.Waits.Where(w => instanceIds.Contains(w.InstanceId)).ToListAsync(cancellationToken);

    public Task<List<WorkflowTimer>> TimersOfInstancesAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken = default) =>
        Db.Timers.Where(t => instanceIds.Contains(t.InstanceId)).ToListAsync(cancellationToken);

    /// <summary>One query for the timer and its siblings, so closing the wait needs no second query.</summary>
    public Task<List<WorkflowTimer>> TimerWithSiblingsAsync(Guid timerId, CancellationToken cancellationToken = default) =>
        Db.Timers.Where(t => t.WaitId == Db.Timers.Where(x => x.Id == timerId).Select(x => x.WaitId).FirstOrDefault()).ToListAsync(cancellationToken);

    public async Task<List<WorkflowTimer>> TimersOfWaitAsync(Guid waitId, bool alreadyLoaded, CancellationToken cancellationToken = default)
    {
        if (!alreadyLoaded)
        {
            await Db.Timers.Where(t => t.WaitId == waitId).LoadAsync(cancellationToken);
        }
        // Local holds the loaded rows and the ones this unit added, not the ones it deleted.
        return Db.Timers.Local.Where(t => t.WaitId == waitId).ToList();
    }

    public async Task<PartnerTask?> FindTaskAsync(Guid id, CancellationToken cancellationToken = default) =>
        Db.Tasks.Local.FirstOrDefault(t => t.Id == id) ?? await Db.Tasks.FindAsync([id], cancellationToken);

    public Task<Incident?> FindIncidentAsync(Guid id, CancellationToken cancellationToken = default) =>
        Db.Incidents.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public Task<List<PendingEvent>> PendingEventsAsync(Guid? instanceId, IReadOnlyCollection<string> correlationKeys, CancellationToken cancellationToken = default)
    {
        if (instanceId is null && correlationKeys.Count == 0)
        {
            return Task.FromResult(new List<PendingEvent>());
        }
        var query = (instanceId, correlationKeys.Count) switch
        {
            (null, 1) when correlationKeys.First() is var key => Db.PendingEvents.Where(p => p.InstanceId == null && p.CorrelationKey == key),
            (null, _) => Db.PendingEvents.Where(p => p.InstanceId == null && p.CorrelationKey != null && correlationKeys.Contains(p.CorrelationKey)),
            ({ } id, 0) => Db.PendingEvents.Where(p => p.InstanceId == id),
            ({ } id, 1) when correlationKeys.First() is var key => Db.PendingEvents.Where(p => p.InstanceId == id || (p.InstanceId == null && p.CorrelationKey == key)),
            ({ } id, _) => Db.PendingEvents.Where(p => p.InstanceId == id || (p.InstanceId == null && p.CorrelationKey != null && correlationKeys.Contains(p.CorrelationKey))),
        };
        return query.OrderBy(p => p.ReceivedAtUtc).ToListAsync(cancellationToken);
    }

    public bool IsRemoved(object row) => Db.Entry(row).State is EntityState.Deleted or EntityState.Detached;

    public Task<PartnerTask?> ReadTaskAsync(Guid id, CancellationToken cancellationToken = default) =>
        Db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    public Task<Guid?> InstanceOfWaitAsync(Guid waitId, CancellationToken cancellationToken = default) =>
        Db.Waits.Where(w => w.Id == waitId).Select(w => (Guid?)w.InstanceId).FirstOrDefaultAsync(cancellationToken);

    public Task<Guid?> InstanceOfTimerAsync(Guid timerId, CancellationToken cancellationToken = default) =>
        Db.Timers.Where(t => t.Id == timerId).Select(t => (Guid?)t.InstanceId).FirstOrDefaultAsync(cancellationToken);

    public Task<Guid?> InstanceOfIncidentAsync(Guid incidentId, CancellationToken cancellationToken = default) =>
        Db.Incidents.Where(i => i.Id == incidentId).Select(i => (Guid?)i.InstanceId).FirstOrDefaultAsync(cancellationToken);

    public Task<List<Guid>> LiveInstancesWithKeyAsync(string correlationKey, CancellationToken cancellationToken = default) =>
        Db.Instances
            .Where(i => i.CorrelationKey == correlationKey && (i.Status == InstanceStatus.Running || i.Status == InstanceStatus.Faulted))
            .OrderBy(i => i.CreatedAtUtc)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);

    public Task<bool> IsProcessedAsync(string messageId, string receiver, CancellationToken cancellationToken = default) =>
        Db.ProcessedMessages.AnyAsync(m => m.MessageId == messageId && m.Receiver == receiver, cancellationToken);

    public async Task<HashSet<string>> KeysWithPendingEventsAsync(IReadOnlyCollection<string> correlationKeys, CancellationToken cancellationToken = default)
    {
        var rows = correlationKeys.Count == 1 && correlationKeys.First() is var key
            ? await Db.PendingEvents.Where(p => p.InstanceId == null && p.CorrelationKey == key).Select(p => p.CorrelationKey!).Take(1).ToListAsync(cancellationToken)
            : await Db.PendingEvents
                .Where(p => p.InstanceId == null && p.CorrelationKey != null && correlationKeys.Contains(p.CorrelationKey))
                .Select(p => p.CorrelationKey!)
                .Distinct()
                .ToListAsync(cancellationToken);
        return rows.ToHashSet(StringComparer.Ordinal);
    }

    public void Add<T>(T row) where T : class => Db.Add(row);

    public void Remove<T>(T row) where T : class => Db.Remove(row);

    public List<DateTime> AddedTimerDueTimes()
    {
        // Rows are Added the moment they are added, so the full change scan Entries() would run first (over every row of
        // a group) is not needed here; SaveChanges runs it anyway.
        var tracker = Db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries<WorkflowTimer>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.DueAtUtc).ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// One transaction. A lost race — the Version or a deleted row changed (<see cref="DbUpdateConcurrencyException"/>), a
    /// key taken meanwhile, a lock or serialization conflict, a transient failure — becomes a
    /// <see cref="StoreConflictException"/>, on which the burst runs again; any other refusal (a constraint the data
    /// breaks) is thrown as it is, since running the burst again would only fail again.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            if (startsOnly)
            {
                await InsertOnlyCommit.SaveAsync(Db, cancellationToken);
            }
            else
            {
                await Db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateException ex) when (LostRace(ex))
        {
            throw new StoreConflictException($"The unit of work lost a race and committed nothing: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
    }

    private static bool LostRace(DbUpdateException ex) => ex is DbUpdateConcurrencyException || ex.InnerException switch
    {
        // unique violation (a key taken meanwhile), serialization failure, deadlock
        Npgsql.PostgresException pg => pg.SqlState is "23505" or "40001" or "40P01",
        Npgsql.NpgsqlException npgsql => npgsql.IsTransient,
        // SQLITE_BUSY, SQLITE_LOCKED; a primary key or unique constraint
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 || sqlite.SqliteExtendedErrorCode is 1555 or 2067,
        _ => false,
    };

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

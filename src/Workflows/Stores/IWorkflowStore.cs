using Inburgering.Workflows.Execution;

namespace Inburgering.Workflows.Stores;

/// <summary>
/// Where running instances live: the instance rows and everything that belongs to them while they run (waits, timers,
/// kept events, journal, incidents, partner tasks and their audit, the outbox, processed messages). The engine reads and
/// commits them only through this, in units of work (<see cref="IStoreSession"/>), so the same bursts run on the
/// database (<see cref="Ef.EfWorkflowStore"/>, the Host's store on PostgreSQL or SQLite) or in the engine's own memory
/// (<see cref="Memory.MemoryWorkflowStore"/>, for simulations in fake time) — Elsa's pluggable stores, with one contract:
/// a unit commits whole or not at all, and loses (<see cref="StoreConflictException"/>) when an instance it read changed
/// meanwhile. Definitions, the API's queries and the oversight pages read the database directly; they do not run here.
/// </summary>
public interface IWorkflowStore
{
    /// <summary>A new unit of work. Dispose it; commit it once at most.</summary>
    Task<IStoreSession> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A unit of work that only starts instances (a start, or a group of them): it adds rows and may claim kept events,
    /// nothing else. A store may commit such a unit more cheaply (the database: one batch of inserts).
    /// </summary>
    Task<IStoreSession> OpenForStartsAsync(CancellationToken cancellationToken = default) => OpenAsync(cancellationToken);

    /// <summary>The earliest due time of any timer, claimed or not (for fake-time drivers).</summary>
    Task<DateTime?> NextTimerDueAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="limit"/> timers due at <paramref name="nowUtc"/> whose claim is free or ran out, until
    /// <paramref name="claimUntilUtc"/>, earliest first; several dispatchers get disjoint claims.
    /// </summary>
    Task<List<ClaimedTimer>> ClaimDueTimersAsync(DateTime nowUtc, DateTime claimUntilUtc, int limit, CancellationToken cancellationToken = default);
}

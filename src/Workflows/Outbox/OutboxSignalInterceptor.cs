using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inburgering.Workflows.Outbox;

/// <summary>
/// After any SaveChanges that wrote outbox rows, wakes the dispatcher. One place instead of every commit site of the
/// runner: whatever writes to the outbox (bursts, timer groups, API operations) gets prompt dispatch.
/// </summary>
internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Notify(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Notify(eventData.Context);
        return result;
    }

    private void Notify(DbContext? context)
    {
        // Burst contexts never load outbox rows, so any tracked row was just added by this save. Entries<T>() would
        // detect changes over every tracked row once more right after the save did: not needed to see what is tracked.
        if (context is null)
        {
            return;
        }
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            if (tracker.Entries<OutboxMessage>().Any())
            {
                signal.Notify();
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}

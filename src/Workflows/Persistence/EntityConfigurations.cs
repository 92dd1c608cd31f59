using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inburgering.Workflows.Persistence;

// One small configuration per table. Indexes are chosen for the queries the engine and the dashboard run; each says which.

internal sealed class DefinitionVersionConfiguration : IEntityTypeConfiguration<DefinitionVersion>
{
    public void Configure(EntityTypeBuilder<DefinitionVersion> e)
    {
        e.ToTable("workflow_definitions");
        e.HasKey(x => new { x.DefinitionId, x.Version });
        e.Property(x => x.DefinitionId).HasMaxLength(Keys.MaxLength);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Json).HasAnnotation(ProviderConventions.JsonAnnotation, true);
        e.Property(x => x.ContentHash).HasMaxLength(64);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasIndex(x => new { x.DefinitionId, x.Status }); // latest published / the draft of a definition
    }
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> e)
    {
        e.ToTable("workflow_instances");
        e.HasKey(x => x.Id);
        e.Property(x => x.DefinitionId).HasMaxLength(Keys.MaxLength);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.CorrelationKey).HasMaxLength(200);
        e.Property(x => x.VariablesJson).HasAnnotation(ProviderConventions.JsonAnnotation, true);
        e.Property(x => x.ActivityStateJson).HasAnnotation(ProviderConventions.JsonAnnotation, true);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.Status, x.DefinitionId, x.CreatedAtUtc }); // instance lists filtered by status and definition
        e.HasIndex(x => x.CorrelationKey); // event delivery by correlation key
        // The retention sweep's few rows; partial, so the index holds only instances waiting to be erased.
        e.HasIndex(x => x.EraseRequestedAtUtc).HasFilter("\"EraseRequestedAtUtc\" IS NOT NULL");
    }
}

internal sealed class WorkflowWaitConfiguration : IEntityTypeConfiguration<WorkflowWait>
{
    public void Configure(EntityTypeBuilder<WorkflowWait> e)
    {
        e.ToTable("workflow_waits");
        e.HasKey(x => x.Id);
        e.Property(x => x.ActivityKey).HasMaxLength(Keys.MaxLength);
        e.Property(x => x.Kind).HasMaxLength(40);
        e.Property(x => x.EventName).HasMaxLength(200);
        e.Property(x => x.StateJson).HasAnnotation(ProviderConventions.JsonAnnotation, true);
        e.Property(x => x.DeadlineJson).HasAnnotation(ProviderConventions.JsonAnnotation, true);
        e.HasIndex(x => x.InstanceId); // a burst loads its instance's open waits (event delivery filters those in memory)
        // Open waits by due time (timers, the overdue dashboard). Partial: most waits (events) have no due time, and an
        // index they are not in costs them nothing on insert. The filter reads the same on PostgreSQL and SQLite.
        e.HasIndex(x => new { x.DueAtUtc, x.Kind }).HasFilter("\"DueAtUtc\" IS NOT NULL");
    }
}

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowTimer> e)
    {
        e.ToTable("workflow_timers");
        e.HasKey(x => x.Id);
        e.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Data).HasMaxLength(100);
        e.HasIndex(x => x.DueAtUtc); // the dispatcher claims due timers in due order
        e.HasIndex(x => x.WaitId); // a closing wait deletes its timers
    }
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> e)
    {
        e.ToTable("workflow_journal");
        // The key is the instance and its sequence: the journal of one instance in order, and a step cannot be recorded
        // twice. One index, not a surrogate key plus a unique index: the journal is most of a burst's writes.
        e.HasKey(x => new { x.InstanceId, x.Sequence });
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.ActivityKey).HasMaxLength(Keys.MaxLength);
        e.Property(x => x.ActivityType).HasMaxLength(100);
        e.Property(x => x.Outcome).HasMaxLength(100);
        e.Property(x => x.Message).HasMaxLength(500);
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> e)
    {
        e.ToTable("workflow_incidents");
        e.HasKey(x => x.Id);
        e.Property(x => x.ActivityKey).HasMaxLength(Keys.MaxLength);
        e.Property(x => x.ActivityType).HasMaxLength(100);
        e.Property(x => x.Message).HasMaxLength(1000);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.ResumptionJson).HasAnnotation(ProviderConventions.JsonAnnotation, true);
        e.HasIndex(x => new { x.Status, x.CreatedAtUtc }); // open incidents, oldest first
        e.HasIndex(x => x.InstanceId);
    }
}

internal sealed class PendingEventConfiguration : IEntityTypeConfiguration<PendingEvent>
{
    public void Configure(EntityTypeBuilder<PendingEvent> e)
    {
        e.ToTable("workflow_pending_events");
        e.HasKey(x => x.Id);
        e.Property(x => x.CorrelationKey).HasMaxLength(200);
        e.Property(x => x.EventName).HasMaxLength(200);
        e.Property(x => x.PayloadJson).HasAnnotation(ProviderConventions.JsonAnnotation, true);
        e.HasIndex(x => new { x.InstanceId, x.EventName });
        e.HasIndex(x => new { x.CorrelationKey, x.EventName });
    }
}

using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Inbox;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Outbox;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Workflows.Persistence;

/// <summary>
/// The engine's one database model, used on PostgreSQL and SQLite alike. Provider differences are confined to
/// <see cref="ProviderConventions"/> so the rest of the model reads the same for both.
/// </summary>
public sealed class WorkflowsDbContext(DbContextOptions<WorkflowsDbContext> options) : DbContext(options)
{
    public DbSet<DefinitionVersion> Definitions => Set<DefinitionVersion>();

    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();

    public DbSet<WorkflowWait> Waits => Set<WorkflowWait>();

    public DbSet<JournalEntry> Journal => Set<JournalEntry>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<PendingEvent> PendingEvents => Set<PendingEvent>();

    public DbSet<WorkflowTimer> Timers => Set<WorkflowTimer>();

    public DbSet<PartnerTask> Tasks => Set<PartnerTask>();

    public DbSet<TaskAuditEntry> TaskAudit => Set<TaskAuditEntry>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();

    public DbSet<Audit.AuditRecord> Audit => Set<Audit.AuditRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowsDbContext).Assembly);
        ProviderConventions.Apply(modelBuilder, Database);
    }
}

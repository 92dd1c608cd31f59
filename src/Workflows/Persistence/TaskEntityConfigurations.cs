using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Inbox;
using Inburgering.Workflows.Outbox;
using Inburgering.Workflows.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inburgering.Workflows.Persistence;

// Partner tasks, their audit, the outbox and the inbox. Indexes are chosen for the queries that run; each says which.

internal sealed class PartnerTaskConfiguration : IEntityTypeConfiguration<PartnerTask>
{
    public void Configure(EntityTypeBuilder<PartnerTask> e)
    {
        e.ToTable("workflow_tasks");
        e.HasKey(x => x.Id);
        e.Property(x => x.KlantreisId).HasMaxLength(200);
        e.Property(x => x.ActivityKey).HasMaxLength(Keys.MaxLength);
        e.Property(x => x.TaskType).HasMaxLength(Keys.MaxLength);
        e.Property(x => x.Organisation).HasMaxLength(Keys.MaxLength);
        e.Property(x => x.Assignee).HasMaxLength(200);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Instructions).HasMaxLength(4000);
        e.Property(x => x.FormJson).HasAnnotation(ProviderConventions.JsonAnnotation, true);
        e.Property(x => x.SharedVariablesJson).HasAnnotation(ProviderConventions.JsonAnnotation, true);
        e.Property(x => x.DeadlineJson).HasAnnotation(ProviderConventions.JsonAnnotation, true);
        e.Property(x => x.OutcomeJson).HasAnnotation(ProviderConventions.JsonAnnotation, true);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Outcome).HasMaxLength(100);
        e.Property(x => x.CompletedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.Organisation, x.Status, x.DueAtUtc }); // a partner's inbox: its open tasks by due date
        e.HasIndex(x => new { x.Status, x.DueAtUtc }); // task lists by status (TaskQueries)
        // The gemeente's dashboard (OverdueQueries) asks only about open tasks (≈ 9 % of the rows): this partial index holds
        // them in due order with every column the dashboard counts, filters and sorts by, so its counts and the keys of a
        // page come from the index alone, without touching the (wide) rows. The filter is the stored text of the enum and is
        // valid on PostgreSQL and SQLite; INCLUDE is PostgreSQL's (SQLite ignores it). Bench P4.
        e.HasIndex(x => x.DueAtUtc, "IX_workflow_tasks_open").HasFilter("\"Status\" = 'Open'")
            .IncludeProperties(x => new { x.Id, x.Organisation, x.TaskType, x.Escalations, x.CreatedAtUtc });
        // "Most escalated first": the open tasks in that order, so the page's keys are the first fifty entries instead of a
        // sort of every overdue entry (bench P4: 33 ms → 0.06 ms on the server; 5.4 MiB for 91,000 open tasks). Escalated
        // tasks are overdue ones, so the scan meets the overdue condition at once.
        e.HasIndex(x => new { x.Escalations, x.DueAtUtc }, "IX_workflow_tasks_open_escalations").HasFilter("\"Status\" = 'Open'")
            .IsDescending(true, false).IncludeProperties(x => x.Id);
        // The dashboard's counts (OverdueQueries.SummaryAsync) per step and organisation: with the open tasks in that order
        // the database counts each group as it reads it instead of hashing every entry's two strings (bench P4: ≈ 90 → 33 ms
        // for 91,000 open tasks, close to a bare count of them; 6.7 MiB).
        e.HasIndex(x => new { x.TaskType, x.Organisation, x.DueAtUtc }, "IX_workflow_tasks_open_by_step").HasFilter("\"Status\" = 'Open'");
        e.HasIndex(x => x.InstanceId); // a klantreis's tasks
        // The §8 indicators (KlantreisKpis) read the tasks of four types closed in a period; without it, a scan of every task.
        e.HasIndex(x => new { x.TaskType, x.ClosedAtUtc });
    }
}

internal sealed class TaskAuditEntryConfiguration : IEntityTypeConfiguration<TaskAuditEntry>
{
    public void Configure(EntityTypeBuilder<TaskAuditEntry> e)
    {
        e.ToTable("workflow_task_audit");
        e.HasKey(x => new { x.TaskId, x.Sequence }); // a task's history in order; a row cannot be written twice
        e.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Actor).HasMaxLength(200);
        e.Property(x => x.ActorOrganisation).HasMaxLength(Keys.MaxLength);
        e.Property(x => x.DetailsJson).HasAnnotation(ProviderConventions.JsonAnnotation, true);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("workflow_outbox");
        e.HasKey(x => x.Sequence);
        e.Property(x => x.Sequence).ValueGeneratedOnAdd();
        e.HasIndex(x => x.Id).IsUnique(); // marking published rows, and looking a message up by the id partners quote
        e.Property(x => x.MessageType).HasMaxLength(100);
        e.Property(x => x.PayloadJson).HasAnnotation(ProviderConventions.JsonAnnotation, true);
        e.Property(x => x.Subject).HasMaxLength(200);
        e.Property(x => x.LastError).HasMaxLength(500);
        // The dispatcher claims unpublished rows in sequence order. Partial: published rows (kept for a while) cost nothing here.
        e.HasIndex(x => x.Sequence).HasFilter("\"DispatchedAtUtc\" IS NULL").HasDatabaseName("IX_workflow_outbox_unpublished");
        e.HasIndex(x => x.DispatchedAtUtc).HasFilter("\"DispatchedAtUtc\" IS NOT NULL"); // retention clean-up
    }
}

internal sealed class ProcessedMessageConfiguration : IEntityTypeConfiguration<ProcessedMessage>
{
    public void Configure(EntityTypeBuilder<ProcessedMessage> e)
    {
        e.ToTable("workflow_inbox");
        e.HasKey(x => new { x.MessageId, x.Receiver }); // the duplicate check is this key; a racing duplicate fails its commit on it
        e.Property(x => x.MessageId).HasMaxLength(100);
        e.Property(x => x.Receiver).HasMaxLength(200);
        e.Property(x => x.Result).HasMaxLength(300);
        e.HasIndex(x => x.ProcessedAtUtc); // the retention sweep prunes by age
    }
}

using Inburgering.Workflows.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inburgering.Workflows.Persistence;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> e)
    {
        e.ToTable("audit_log");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedOnAdd();
        e.Property(x => x.Actor).HasMaxLength(200).IsRequired();
        e.Property(x => x.Role).HasMaxLength(100);
        e.Property(x => x.Organisation).HasMaxLength(100);
        e.Property(x => x.Action).HasMaxLength(100).IsRequired();
        e.Property(x => x.Subject).HasMaxLength(AuditLog.MaxSubject).IsRequired();
        e.Property(x => x.Details).HasMaxLength(AuditLog.MaxDetails);
        e.HasIndex(x => new { x.Subject, x.Id }); // who saw this klantreis
        e.HasIndex(x => new { x.Actor, x.Id }); // what did this person see or change
    }
}

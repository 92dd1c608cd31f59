using Microsoft.EntityFrameworkCore;

namespace Inburgering.Workflows.Persistence;

/// <summary>
/// The engine's one database model, used on PostgreSQL and SQLite alike. Provider differences are confined to
/// <see cref="ProviderConventions"/> so the rest of the model reads the same for both.
/// </summary>
public sealed class WorkflowsDbContext(DbContextOptions<WorkflowsDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowsDbContext).Assembly);
        ProviderConventions.Apply(modelBuilder, Database);
    }
}

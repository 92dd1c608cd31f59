using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Inburgering.Workflows.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a running Host or server. Migrations exist
/// for PostgreSQL only; the embedded SQLite default creates its schema from the model (EnsureCreated).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WorkflowsDbContext>
{
    public WorkflowsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<WorkflowsDbContext>();
        PersistenceServiceCollectionExtensions.Configure(builder, DatabaseProvider.Postgres, "Host=localhost;Database=design_time");
        return new WorkflowsDbContext(builder.Options);
    }
}

using Inburgering.Testing;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Workflows.Tests.Persistence;

/// <summary>PostgreSQL runs on migrations: they must exist for every model change and apply to an empty database.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_create_the_schema_and_match_the_model()
    {
        await using var h = await WorkflowHarness.CreateAsync(HarnessDatabase.Postgres);
        await using var db = await h.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run dotnet ef migrations add (see docs/operations.md).");
    }
}

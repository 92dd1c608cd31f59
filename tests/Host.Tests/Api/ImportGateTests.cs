using Inburgering.Host.Api;
using Inburgering.Testing;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Host.Tests.Api;

/// <summary>
/// One bulk import per definition at a time: a second one — from this Host or, on PostgreSQL, from another connection
/// as another Host would have — is turned away until the first is done; another definition is not held up.
/// </summary>
public sealed class ImportGateTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_second_import_of_a_definition_waits_for_the_first(DatabaseProvider provider)
    {
        var options = await OptionsAsync(provider);
        await using var first = new WorkflowsDbContext(options);
        await using var second = new WorkflowsDbContext(options);
        await using var third = new WorkflowsDbContext(options);
        var definition = $"import-{Guid.NewGuid():N}";

        var held = await ImportGate.TryEnterAsync(first, definition, CancellationToken.None);
        var refused = await ImportGate.TryEnterAsync(second, definition, CancellationToken.None);
        var other = await ImportGate.TryEnterAsync(third, definition + "-ander", CancellationToken.None);
        await held!.DisposeAsync();
        var after = await ImportGate.TryEnterAsync(second, definition, CancellationToken.None);

        Assert.NotNull(held);
        Assert.Null(refused);
        Assert.NotNull(other);
        Assert.NotNull(after);
        await other!.DisposeAsync();
        await after!.DisposeAsync();
    }

    private static async Task<DbContextOptions<WorkflowsDbContext>> OptionsAsync(DatabaseProvider provider)
    {
        var builder = new DbContextOptionsBuilder<WorkflowsDbContext>();
        return provider == DatabaseProvider.Postgres
            ? builder.UseNpgsql(await TestServers.CreatePostgresDatabaseAsync("gate")).Options
            : builder.UseSqlite("Data Source=:memory:").Options;
    }
}

using Inburgering.Testing;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Definitions.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Workflows.Tests.Definitions;

/// <summary>Every file in workflows/ is valid and loads; the Host seeds exactly these at start-up.</summary>
public sealed class WorkflowFilesTests
{
    public static TheoryData<string> Files => [.. Directory.EnumerateFiles(RepositoryPaths.Workflows, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void There_are_definition_files() => Assert.NotEmpty(Files);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Each_file_is_valid(string file)
    {
        await using var h = await WorkflowHarness.CreateAsync();
        var result = h.Services.GetRequiredService<DefinitionValidator>().Validate(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, file)));

        Assert.True(result.IsValid, $"{file}:\n{string.Join("\n", result.Errors)}");
        Assert.Equal(Path.GetFileNameWithoutExtension(file), result.Model!.Id);
    }

    [Fact]
    public async Task Seeding_publishes_each_file_once_and_again_only_when_it_changed()
    {
        await using var h = await WorkflowHarness.CreateAsync();
        var seeder = h.Services.GetRequiredService<DefinitionSeeder>();

        var first = await seeder.SeedAsync(RepositoryPaths.Workflows);
        var second = await seeder.SeedAsync(RepositoryPaths.Workflows);

        Assert.All(first, r => Assert.Equal(DefinitionImportStatus.Published, r.Result.Status));
        Assert.All(second, r => Assert.Equal(DefinitionImportStatus.Unchanged, r.Result.Status));
    }
}

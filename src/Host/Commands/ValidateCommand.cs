using Inburgering.Activities;
using Inburgering.Workflows;
using Inburgering.Workflows.Definitions.Validation;

namespace Inburgering.Host.Commands;

/// <summary>
/// <c>dotnet run --project src/Host -- validate workflows/*.json</c>: validates definition files with the same rules as
/// the server and exits non-zero with every error (file, JSON path, message, code) when one is invalid.
/// </summary>
internal static class ValidateCommand
{
    public const string Name = "validate";

    public static async Task<int> RunAsync(IReadOnlyList<string> files, TextWriter output)
    {
        if (files.Count == 0)
        {
            await output.WriteLineAsync("usage: validate <definition.json> [more.json …]");
            return 2;
        }
        var services = new ServiceCollection().AddLogging().AddWorkflowEngine().AddStandardActivities().BuildServiceProvider();
        await using (services)
        {
            var validator = services.GetRequiredService<DefinitionValidator>();
            var invalid = 0;
            foreach (var name in files)
            {
                var file = CommandFiles.Find(name) ?? name;
                if (!File.Exists(file))
                {
                    await output.WriteLineAsync($"{file}: file not found");
                    invalid++;
                    continue;
                }
                var result = validator.Validate(await File.ReadAllTextAsync(file));
                if (result.IsValid)
                {
                    await output.WriteLineAsync($"{file}: valid");
                    continue;
                }
                invalid++;
                foreach (var error in result.Errors)
                {
                    await output.WriteLineAsync($"{file}: {error}");
                }
            }
            await output.WriteLineAsync($"{files.Count - invalid} valid, {invalid} invalid");
            return invalid == 0 ? 0 : 1;
        }
    }
}

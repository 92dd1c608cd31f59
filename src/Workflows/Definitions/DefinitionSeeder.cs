using Microsoft.Extensions.Logging;

namespace Inburgering.Workflows.Definitions;

/// <summary>
/// Publishes the definitions in a folder (the repository's <c>workflows/</c>) at start-up: a changed file becomes a new
/// version, an unchanged one nothing. An invalid file is reported with every error and skipped; it never half-loads.
/// </summary>
public sealed partial class DefinitionSeeder(DefinitionStore store, ILogger<DefinitionSeeder> logger)
{
    public async Task<IReadOnlyList<SeedResult>> SeedAsync(string folder, CancellationToken cancellationToken = default)
    {
        var results = new List<SeedResult>();
        if (!Directory.Exists(folder))
        {
            LogMissingFolder(folder);
            return results;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            var result = await store.ImportAsync(json, "seed", cancellationToken);
            results.Add(new SeedResult(Path.GetFileName(file), result));
            if (result.Status == DefinitionImportStatus.Invalid)
            {
                LogInvalid(Path.GetFileName(file), string.Join(Environment.NewLine, result.Errors));
            }
            else
            {
                LogSeeded(Path.GetFileName(file), result.Status, result.Version?.Version ?? 0);
            }
        }
        return results;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Definition folder {Folder} does not exist; nothing seeded")]
    private partial void LogMissingFolder(string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Definition file {File} is invalid and was not loaded:\n{Errors}")]
    private partial void LogInvalid(string file, string errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Definition file {File}: {Status} (version {Version})")]
    private partial void LogSeeded(string file, DefinitionImportStatus status, int version);
}

public sealed record SeedResult(string File, DefinitionImportResult Result);

using System.Collections.Concurrent;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Workflows.Definitions;

/// <summary>
/// Compiled published definitions, cached per (id, version). Published versions never change, so a cached entry is
/// never stale, and a step never re-reads or re-compiles its definition however many versions exist.
/// </summary>
public sealed class DefinitionCatalog(IDbContextFactory<WorkflowsDbContext> dbFactory, ActivityRegistry registry, TimeProvider time)
{
    /// <summary>
    /// How long "the latest published version" is trusted without asking the database. A publish in this process
    /// forgets it at once; another Host's publish is seen within this time.
    /// </summary>
    private static readonly TimeSpan LatestVersionTtl = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string Id, int Version), WorkflowDefinition> _cache = new();
    private readonly ConcurrentDictionary<string, (int Version, long Timestamp)> _latest = new(StringComparer.Ordinal);

    public async Task<WorkflowDefinition> GetAsync(string id, int version, CancellationToken cancellationToken = default)
    {
        if (_cache.TryGetValue((id, version), out var cached))
        {
            return cached;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Definitions.AsNoTracking()
            .FirstOrDefaultAsync(d => d.DefinitionId == id && d.Version == version && d.Status == DefinitionStatus.Published, cancellationToken)
            ?? throw new DefinitionNotFoundException($"There is no published version {version} of definition '{id}'.");
        return _cache.GetOrAdd((id, version), _ => Compile(row));
    }

    /// <summary>The given published version, or the latest published one when <paramref name="version"/> is null.</summary>
    public async Task<WorkflowDefinition> GetPublishedAsync(string id, int? version, CancellationToken cancellationToken = default)
    {
        if (version is { } v)
        {
            return await GetAsync(id, v, cancellationToken);
        }
        if (_latest.TryGetValue(id, out var known) && time.GetElapsedTime(known.Timestamp) < LatestVersionTtl)
        {
            return await GetAsync(id, known.Version, cancellationToken);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.Definitions
            .Where(d => d.DefinitionId == id && d.Status == DefinitionStatus.Published)
            .MaxAsync(d => (int?)d.Version, cancellationToken)
            ?? throw new DefinitionNotFoundException($"Definition '{id}' has no published version.");
        _latest[id] = (latest, time.GetTimestamp());
        return await GetAsync(id, latest, cancellationToken);
    }

    /// <summary>Called after a publish so the next start takes the new version.</summary>
    public void ForgetLatest(string id) => _latest.TryRemove(id, out _);

    /// <summary>Compiles a stored version (published or draft) without caching it; drafts change.</summary>
    public WorkflowDefinition Compile(DefinitionVersion row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var read = DefinitionReader.Read(row.Json);
        if (read.Model is null || read.Errors.Count > 0)
        {
            throw new InvalidOperationException($"Stored definition '{row.DefinitionId}' v{row.Version} cannot be read: {string.Join("; ", read.Errors)}");
        }
        return WorkflowDefinition.Compile(read.Model, row.Version, registry);
    }
}

/// <summary>A definition or version that does not exist (HTTP 404).</summary>
public sealed class DefinitionNotFoundException(string message) : Exception(message);

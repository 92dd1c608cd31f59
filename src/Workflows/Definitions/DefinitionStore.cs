using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Inburgering.Workflows.Definitions.Validation;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Workflows.Definitions;

/// <summary>
/// Saves and publishes definition versions. A definition has at most one draft; publishing turns it into an immutable
/// version that instances can start on. Every save and publish validates; publish refuses while errors remain.
/// </summary>
public sealed class DefinitionStore(IDbContextFactory<WorkflowsDbContext> dbFactory, DefinitionValidator validator, DefinitionCatalog catalog, TimeProvider time)
{
    /// <summary>
    /// Saves the document as the definition's draft (creating it as the next version if there is none). A draft may
    /// still have validation errors — it is work in progress — and they are returned; unreadable JSON is not saved.
    /// </summary>
    public async Task<DefinitionSaveResult> SaveDraftAsync(string json, string? user, string? expectedId = null, CancellationToken cancellationToken = default)
    {
        var validation = validator.Validate(json);
        if (validation.Model is not { Id.Length: > 0 } model || !Keys.IsValid(model.Id))
        {
            return new DefinitionSaveResult(null, validation.Errors);
        }
        if (expectedId is not null && expectedId != model.Id)
        {
            return new DefinitionSaveResult(null, [new DefinitionError("$.id", DefinitionErrorCodes.InvalidKey, $"The document's id '{model.Id}' differs from '{expectedId}' in the address.")]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.Definitions.FirstOrDefaultAsync(d => d.DefinitionId == model.Id && d.Status == DefinitionStatus.Draft, cancellationToken);
        if (draft is null)
        {
            var latest = await db.Definitions.Where(d => d.DefinitionId == model.Id).MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0;
            draft = new DefinitionVersion { DefinitionId = model.Id, Version = latest + 1, Name = "", Json = "", ContentHash = "", Status = DefinitionStatus.Draft, CreatedAtUtc = now };
            db.Definitions.Add(draft);
        }
        draft.Name = Bounded(model.Name, 200);
        draft.Json = json;
        draft.ContentHash = Hash(json);
        draft.UpdatedAtUtc = now;
        draft.UpdatedBy = user;
        draft.Revision++;
        await db.SaveChangesAsync(cancellationToken);
        return new DefinitionSaveResult(draft, validation.Errors);
    }

    /// <summary>Publishes the draft as an immutable version. Refused (nothing changes) while the draft has errors.</summary>
    public async Task<DefinitionSaveResult> PublishAsync(string id, string? user, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.Definitions.FirstOrDefaultAsync(d => d.DefinitionId == id && d.Status == DefinitionStatus.Draft, cancellationToken)
            ?? throw new DefinitionNotFoundException($"Definition '{id}' has no draft to publish.");
        var validation = validator.Validate(draft.Json);
        if (!validation.IsValid)
        {
            return new DefinitionSaveResult(null, validation.Errors);
        }
        var now = time.GetUtcNow().UtcDateTime;
        draft.Status = DefinitionStatus.Published;
        draft.PublishedAtUtc = now;
        draft.PublishedBy = user;
        draft.UpdatedAtUtc = now;
        draft.Revision++;
        await db.SaveChangesAsync(cancellationToken);
        catalog.ForgetLatest(id);
        return new DefinitionSaveResult(draft, []);
    }

    /// <summary>
    /// Publishes a document straight away unless the latest published version already has the same content (seeding from
    /// <c>workflows/</c> at every start must not create versions). Invalid documents are refused with their errors.
    /// </summary>
    public async Task<DefinitionImportResult> ImportAsync(string json, string? user, CancellationToken cancellationToken = default)
    {
        var validation = validator.Validate(json);
        if (!validation.IsValid)
        {
            return new DefinitionImportResult(DefinitionImportStatus.Invalid, null, validation.Errors);
        }
        var id = validation.Model!.Id;
        var hash = Hash(json);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var latest = await db.Definitions.AsNoTracking()
                .Where(d => d.DefinitionId == id && d.Status == DefinitionStatus.Published)
                .OrderByDescending(d => d.Version)
                .FirstOrDefaultAsync(cancellationToken);
            if (latest?.ContentHash == hash)
            {
                return new DefinitionImportResult(DefinitionImportStatus.Unchanged, latest, []);
            }
            // A coordinator's draft is never overwritten or published by an import: the file waits until it is dealt with.
            if (await db.Definitions.AnyAsync(d => d.DefinitionId == id && d.Status == DefinitionStatus.Draft, cancellationToken))
            {
                return new DefinitionImportResult(DefinitionImportStatus.DraftExists, latest, []);
            }
        }
        await SaveDraftAsync(json, user, id, cancellationToken);
        var published = await PublishAsync(id, user, cancellationToken);
        return new DefinitionImportResult(DefinitionImportStatus.Published, published.Version, published.Errors);
    }

    /// <summary>SHA-256 of the document without insignificant white space.</summary>
    public static string Hash(string json)
    {
        // Same leniency as the reader (comments, trailing commas), so whatever validates can be stored.
        var canonical = JsonNode.Parse(json, documentOptions: DefinitionReader.DocumentOptions)?.ToJsonString() ?? "null";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string Bounded(string text, int max) => text.Length <= max ? text : text[..max];
}

public sealed record DefinitionSaveResult(DefinitionVersion? Version, IReadOnlyList<DefinitionError> Errors);

public sealed record DefinitionImportResult(DefinitionImportStatus Status, DefinitionVersion? Version, IReadOnlyList<DefinitionError> Errors);

public enum DefinitionImportStatus
{
    Published,
    Unchanged,
    Invalid,

    /// <summary>Not imported: the definition has a draft being edited.</summary>
    DraftExists,
}

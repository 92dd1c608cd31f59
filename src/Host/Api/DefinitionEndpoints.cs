using System.Text.Json.Nodes;
using Inburgering.Host.Security;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Definitions.Diff;
using Inburgering.Workflows.Definitions.Validation;
using Inburgering.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Host.Api;

/// <summary>Definitions: list, get, versions, diff between versions, validate, save draft, publish; and the activity descriptors for the designer.</summary>
internal static class DefinitionEndpoints
{
    public static IEndpointRouteBuilder MapDefinitionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/definitions").WithTags("Definitions").RequireAuthorization(Policies.ReadDefinitions);
        group.MapGet("/", ListAsync).WithSummary("Every definition with its latest, published and draft versions");
        group.MapGet("/{id}", GetAsync).WithSummary("The latest version of a definition (the draft if there is one), with its document");
        group.MapGet("/{id}/versions", VersionsAsync).WithSummary("All versions of a definition, newest first");
        group.MapGet("/{id}/versions/{version:int}", GetVersionAsync).WithSummary("One version with its document");
        group.MapGet("/{id}/diff", DiffAsync).WithSummary("What changed between two versions (?from=1&to=2): activities, connections, variables, parameters and settings");
        group.MapPost("/validate", ValidateAsync).Accepts<JsonObject>("application/json").WithSummary("Validate a document; every error with its JSON path");
        group.MapPut("/{id}/draft", SaveDraftAsync).Accepts<JsonObject>("application/json").RequireAuthorization(Policies.DesignDefinitions).WithSummary("Save the draft (errors are returned, unreadable JSON is refused)");
        group.MapPost("/{id}/publish", PublishAsync).RequireAuthorization(Policies.DesignDefinitions).WithSummary("Publish the draft as an immutable version; refused while it has errors");
        app.MapGet("/api/activity-types", (ActivityRegistry registry) => TypedResults.Ok(registry.Descriptors))
            .RequireAuthorization(Policies.ReadDefinitions).WithTags("Definitions").WithSummary("Descriptors of every activity type (the designer's palette)");
        return app;
    }

    private static async Task<Ok<List<DefinitionSummary>>> ListAsync(WorkflowsDbContext db, CancellationToken ct)
    {
        var rows = await db.Definitions.AsNoTracking()
            .Select(d => new { d.DefinitionId, d.Version, d.Status, d.Name, d.UpdatedAtUtc, d.UpdatedBy })
            .ToListAsync(ct);
        var summaries = rows.GroupBy(r => r.DefinitionId).Select(g =>
        {
            var latest = g.MaxBy(r => r.Version)!;
            return new DefinitionSummary(g.Key, latest.Name, latest.Version,
                g.Where(r => r.Status == DefinitionStatus.Published).Select(r => (int?)r.Version).Max(),
                g.Any(r => r.Status == DefinitionStatus.Draft), latest.UpdatedAtUtc, latest.UpdatedBy);
        }).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(summaries);
    }

    private static async Task<Results<Ok<DefinitionDocument>, ProblemHttpResult>> GetAsync(string id, WorkflowsDbContext db, CancellationToken ct)
    {
        var latest = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == id).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        return latest is null ? Problems.NotFound($"No definition '{id}'.") : TypedResults.Ok(ToDocument(latest));
    }

    private static async Task<Results<Ok<List<DefinitionVersionInfo>>, ProblemHttpResult>> VersionsAsync(string id, WorkflowsDbContext db, CancellationToken ct)
    {
        var versions = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == id).OrderByDescending(d => d.Version).ToListAsync(ct);
        return versions.Count == 0 ? Problems.NotFound($"No definition '{id}'.") : TypedResults.Ok(versions.Select(DefinitionVersionInfo.From).ToList());
    }

    private static async Task<Results<Ok<DefinitionDocument>, ProblemHttpResult>> GetVersionAsync(string id, int version, WorkflowsDbContext db, CancellationToken ct)
    {
        var row = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.DefinitionId == id && d.Version == version, ct);
        return row is null ? Problems.NotFound($"Definition '{id}' has no version {version}.") : TypedResults.Ok(ToDocument(row));
    }

    private static async Task<Results<Ok<DefinitionDiffReport>, ProblemHttpResult>> DiffAsync(string id, int? from, int? to, WorkflowsDbContext db, CancellationToken ct)
    {
        if (from is not > 0 || to is not > 0)
        {
            return Problems.Field(from is not > 0 ? "from" : "to", "Both 'from' and 'to' are required: version numbers of 1 or higher.");
        }
        var rows = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == id && (d.Version == from || d.Version == to)).ToListAsync(ct);
        var fromRow = rows.Find(r => r.Version == from);
        var toRow = rows.Find(r => r.Version == to);
        if (fromRow is null || toRow is null)
        {
            return Problems.NotFound($"Definition '{id}' has no version {(fromRow is null ? from : to)}.");
        }
        return TypedResults.Ok(DefinitionDiffReport.Create(fromRow, toRow, DefinitionDiff.Compare(fromRow.Json, toRow.Json)));
    }

    private static async Task<Ok<ValidationReport>> ValidateAsync(HttpRequest request, DefinitionValidator validator)
    {
        var result = validator.Validate(await ReadBodyAsync(request));
        return TypedResults.Ok(new ValidationReport(result.IsValid, result.Errors));
    }

    private static async Task<Results<Ok<DraftSaved>, ProblemHttpResult>> SaveDraftAsync(string id, HttpRequest request, DefinitionStore store, CancellationToken ct)
    {
        var saved = await store.SaveDraftAsync(await ReadBodyAsync(request), UserName(request), id, ct);
        return saved.Version is null
            ? Problems.Definition("The definition cannot be saved", saved.Errors)
            : TypedResults.Ok(new DraftSaved(DefinitionVersionInfo.From(saved.Version), saved.Errors));
    }

    private static async Task<Results<Ok<DefinitionVersionInfo>, ProblemHttpResult>> PublishAsync(string id, HttpRequest request, DefinitionStore store, CancellationToken ct)
    {
        var published = await store.PublishAsync(id, UserName(request), ct);
        return published.Version is null
            ? Problems.Definition("The draft has errors and was not published", published.Errors)
            : TypedResults.Ok(DefinitionVersionInfo.From(published.Version));
    }

    private static DefinitionDocument ToDocument(DefinitionVersion row) => new(DefinitionVersionInfo.From(row), JsonNode.Parse(row.Json));

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }

    private static string? UserName(HttpRequest request) => request.HttpContext.User.Identity?.Name;
}

using System.Text.Json.Nodes;
using Inburgering.Host.Security;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Host.Api;

/// <summary>
/// <c>POST /api/instances/import</c>: takes over many klantreizen that are under way in another system in one go — what
/// a gemeente does once, on the day it starts with this engine. Each klantreis is a take-over start (its klantreis id,
/// the activities it is at, the variables it has so far; docs/klantreis.md, "Taking over a klantreis under way").
/// Every klantreis is checked before the first one starts, against one version of the definition (the one asked for, or
/// the latest published when the import began), and one error anywhere starts none (400 with each error under
/// <c>klantreizen[i]…</c>). Repeatable: a klantreis id that already has an instance of the definition (running,
/// faulted or completed; a cancelled one does not count) is skipped, so a run that stopped halfway is finished by sending
/// the same file again. One import per definition at a time (409 for a second), so a double submit cannot start a
/// klantreis twice. <c>dryRun</c> checks and reports, starts nothing.
/// </summary>
internal static class ImportEndpoints
{
    public const int MaxKlantreizen = 1_000;

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/instances/import", ImportAsync).WithTags("Instances").RequireAuthorization(Policies.OperateInstances)
            .WithSummary($"Take over up to {MaxKlantreizen} klantreizen under way elsewhere: all checked first, none started on an error; repeatable");
        return app;
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(
        ImportBody body, WorkflowRunner runner, DefinitionCatalog catalog, WorkflowsDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.DefinitionId))
        {
            return Problems.Field("definitionId", "The definition id is required.");
        }
        if (body.Klantreizen is not { Count: > 0 } items)
        {
            return Problems.Field("klantreizen", "Name at least one klantreis to take over.");
        }
        if (items.Count > MaxKlantreizen)
        {
            return Problems.Field("klantreizen", $"{items.Count} klantreizen is more than the {MaxKlantreizen} one request takes; split the file.");
        }

        // One version for the check and every start: a version published during the import does not reach half of it.
        var version = (await catalog.GetPublishedAsync(body.DefinitionId, body.Version, ct)).Version;
        await using var gate = await ImportGate.TryEnterAsync(db, body.DefinitionId, ct);
        if (gate is null)
        {
            return TypedResults.Problem(title: "Conflict", statusCode: StatusCodes.Status409Conflict,
                detail: $"Another import of '{body.DefinitionId}' is running; send the file again when it is done (what it started is then skipped).");
        }

        var errors = new List<(string Field, string Message)>();
        var firstAt = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"klantreizen[{i}]";
            if (item is null)
            {
                errors.Add((at, "Empty entry."));
                continue;
            }
            errors.AddRange(KeyErrors(item.CorrelationKey, at, i, firstAt));
            var problems = await runner.CheckStartAsync(Request(body.DefinitionId, version, item), ct);
            errors.AddRange(problems.Select(e => ($"{at}.{e.Field}", e.Message)));
        }
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }

        // Instances of this definition that already have these klantreizen: taken over before (or started here). A
        // cancelled one does not count: cancelling is how a wrong take-over is undone before sending it again.
        var keys = items.Select(i => i!.CorrelationKey!).ToList();
        var existing = (await db.Instances.AsNoTracking()
                .Where(i => i.DefinitionId == body.DefinitionId && i.CorrelationKey != null && keys.Contains(i.CorrelationKey) && i.Status != InstanceStatus.Cancelled)
                .Select(i => new { i.CorrelationKey, i.Id, i.Status })
                .ToListAsync(ct))
            .GroupBy(i => i.CorrelationKey!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.First().Id, g.First().Status), StringComparer.Ordinal);

        var results = new List<ImportItemResult>(items.Count);
        foreach (var item in items)
        {
            var key = item!.CorrelationKey!;
            var startAt = item.StartAt ?? [];
            if (existing.TryGetValue(key, out var found))
            {
                results.Add(new ImportItemResult(key, ImportStatus.Skipped, found.Id, startAt, $"This klantreis already has an instance of the definition ({found.Status})."));
            }
            else if (body.DryRun)
            {
                results.Add(new ImportItemResult(key, ImportStatus.WouldStart, null, startAt, null));
            }
            else
            {
                // One transaction per klantreis: if the request stops halfway, the ones started stay, and sending the same
                // file again skips them.
                var instance = await runner.StartAsync(Request(body.DefinitionId, version, item), ct);
                results.Add(new ImportItemResult(key, ImportStatus.Started, instance.Id, startAt, null));
            }
        }
        return TypedResults.Ok(new ImportResult(body.DefinitionId, version, body.DryRun,
            results.Count(r => r.Status == ImportStatus.Started), results.Count(r => r.Status == ImportStatus.Skipped), results));
    }

    private static StartInstanceRequest Request(string definitionId, int version, ImportItem item) =>
        new(definitionId, version, item.CorrelationKey, item.Variables, item.StartAt);

    /// <summary>The klantreis id is what makes an import repeatable, so it is required and must be unique in the request.</summary>
    private static IEnumerable<(string, string)> KeyErrors(string? key, string at, int index, Dictionary<string, int> firstAt)
    {
        var field = $"{at}.correlationKey";
        if (string.IsNullOrWhiteSpace(key))
        {
            yield return (field, "The klantreis id is required: it makes the import repeatable.");
            yield break;
        }
        if (key.Length > 200)
        {
            yield return (field, "The klantreis id is at most 200 characters.");
        }
        if (Bsn.Contains(key))
        {
            // The key travels in partner messages as the klantreis id; the law keeps the BSN out of them (law.md §9).
            yield return (field, "The klantreis id contains what looks like a BSN; use a pseudonymous klantreis id.");
        }
        if (!firstAt.TryAdd(key, index))
        {
            yield return (field, $"The same klantreis id as klantreizen[{firstAt[key]}].");
        }
    }
}

/// <param name="Klantreizen">The klantreizen to take over, each with its own id, start points and variables.</param>
/// <param name="DryRun">Check everything and report what would happen; start nothing.</param>
internal sealed record ImportBody(string DefinitionId, int? Version, IReadOnlyList<ImportItem?>? Klantreizen, bool DryRun = false);

/// <param name="CorrelationKey">The pseudonymous klantreis id (required; unique in the request).</param>
/// <param name="StartAt">The activity keys it is at; empty or absent: from the start.</param>
internal sealed record ImportItem(string? CorrelationKey, IReadOnlyList<string>? StartAt, JsonObject? Variables);

/// <param name="Version">The version every klantreis was checked against and started on.</param>
internal sealed record ImportResult(string DefinitionId, int Version, bool DryRun, int Started, int Skipped, IReadOnlyList<ImportItemResult> Items);

/// <param name="Status">started, skipped (already taken over) or wouldStart (dry run).</param>
/// <param name="StartAt">The start points asked for; empty: from the start.</param>
internal sealed record ImportItemResult(string CorrelationKey, string Status, Guid? InstanceId, IReadOnlyList<string> StartAt, string? Reason);

internal static class ImportStatus
{
    public const string Started = "started";
    public const string Skipped = "skipped";
    public const string WouldStart = "wouldStart";
}

using Inburgering.Host.Api;
using Inburgering.Host.Security;
using Inburgering.Workflows.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inburgering.Host.Audit;

internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", ListAsync).WithTags("Audit").RequireAuthorization(Policies.Administer)
            .WithSummary("The audit log, newest first: who read or changed what, when (admins)");
        return app;
    }

    private static async Task<Results<Ok<Page<AuditRecord>>, ProblemHttpResult>> ListAsync(
        AuditLog audit, CancellationToken ct, string? actor = null, string? action = null, string? subject = null, int skip = 0, int take = 100)
    {
        if (take is < 1 or > 1000)
        {
            return Problems.Field("take", "take must be between 1 and 1000.");
        }
        if (skip < 0)
        {
            return Problems.Field("skip", "skip must not be negative.");
        }
        var (items, total) = await audit.ListAsync(new AuditFilter(actor, action, subject, Skip: skip, Take: take), ct);
        return TypedResults.Ok(new Page<AuditRecord>(items, total, skip, take));
    }
}

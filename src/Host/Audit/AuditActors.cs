using System.Security.Claims;
using Inburgering.Host.Security;
using Inburgering.Workflows.Audit;

namespace Inburgering.Host.Audit;

public static class AuditActors
{
    public static AuditActor ToAuditActor(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "onbekend",
        string.Join(",", Roles.All.Where(user.IsInRole)) is { Length: > 0 } roles ? roles : null,
        user.FindFirst(Roles.OrganisationClaim)?.Value);
}

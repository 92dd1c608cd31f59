using System.Security.Claims;
using Inburgering.Workflows.Partners;
using Microsoft.Extensions.Options;

namespace Inburgering.Host.Security;

/// <summary>
/// Turns the provider's identity (the validated ID token, claim names as the provider sent them) into ours: user name,
/// display name, roles by <see cref="OidcOptions.RoleMap"/>, and for partners the organisation by
/// <see cref="OidcOptions.OrganisationMap"/>. Nothing else of the provider's claims is kept, so the cookie holds what
/// the rest of the Host reads and no more.
/// </summary>
internal sealed class OidcClaimMapper(IOptions<OidcOptions> options, PartnerDirectory partners, ILogger<OidcClaimMapper> logger)
{
    /// <summary>Our principal, or null when the identity has no name at all (not even <c>sub</c>).</summary>
    public ClaimsPrincipal? Map(ClaimsPrincipal external)
    {
        ArgumentNullException.ThrowIfNull(external);
        var o = options.Value;
        var userName = Value(external, o.NameClaim) ?? Value(external, "sub");
        if (userName is null)
        {
            return null;
        }
        var roles = external.FindAll(o.RoleClaim)
            .Select(c => o.RoleMap.TryGetValue(c.Value, out var role) ? role : null)
            .OfType<string>()
            .Where(role => role != Roles.System)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        string? organisation = null;
        if (roles.Contains(Roles.Partner))
        {
            organisation = Organisation(external, o);
            if (organisation is null)
            {
                // Partner access is always bound to one organisation; without it the role would mean nothing or too much.
                roles.Remove(Roles.Partner);
                logger.LogWarning("An OpenID Connect sign-in with the partner role carried no single known organisation in claim '{Claim}'; the partner role is not given.", o.OrganisationClaim);
            }
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, userName),
            new(Roles.DisplayNameClaim, Value(external, o.DisplayNameClaim) ?? userName),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        if (organisation is not null)
        {
            claims.Add(new Claim(Roles.OrganisationClaim, organisation));
        }
        if (external.FindFirst("sub") is { } subject)
        {
            claims.Add(new Claim("sub", subject.Value, subject.ValueType, subject.Issuer));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SignInSchemes.Oidc, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The one known organisation the claim's values map to; null when there is none or more than one.</summary>
    private string? Organisation(ClaimsPrincipal external, OidcOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.OrganisationClaim))
        {
            return null;
        }
        var known = external.FindAll(o.OrganisationClaim)
            .Select(c => o.OrganisationMap.Count == 0 ? c.Value : o.OrganisationMap.TryGetValue(c.Value, out var id) ? id : null)
            .OfType<string>()
            .Where(partners.Exists)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return known.Count == 1 ? known[0] : null;
    }

    private static string? Value(ClaimsPrincipal principal, string claimType) =>
        principal.FindFirst(claimType)?.Value is { Length: > 0 } value ? value : null;
}

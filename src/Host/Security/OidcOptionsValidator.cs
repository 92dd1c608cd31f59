using Inburgering.Workflows.Partners;
using Microsoft.Extensions.Options;

namespace Inburgering.Host.Security;

/// <summary>Checks <c>Auth:Oidc</c> at start: a wrong mapping fails the boot, not a partner's first sign-in.</summary>
internal sealed class OidcOptionsValidator(PartnerDirectory partners) : IValidateOptions<OidcOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        var problems = Check(options, partners);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Every problem at once (empty when fine); nothing is checked while OpenID Connect is off.</summary>
    public static IReadOnlyList<string> Check(OidcOptions options, PartnerDirectory partners)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(partners);
        const string Section = OidcOptions.SectionName;
        var problems = new List<string>();
        if (!options.Enabled)
        {
            if (!string.IsNullOrWhiteSpace(options.ClientId) || options.RoleMap.Count > 0)
            {
                problems.Add($"{Section}:Authority is required when {Section} is configured (ClientId or RoleMap is set).");
            }
            return problems;
        }
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{Section}:Authority '{options.Authority}' must be an absolute https URL (the provider's issuer).");
        }
        else if (authority.Scheme != Uri.UriSchemeHttps && options.RequireHttpsMetadata)
        {
            problems.Add($"{Section}:Authority must use https (RequireHttpsMetadata=false is for a local test provider only).");
        }
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            problems.Add($"{Section}:ClientId is required.");
        }
        if (string.IsNullOrWhiteSpace(options.CallbackPath) || !options.CallbackPath.StartsWith('/'))
        {
            problems.Add($"{Section}:CallbackPath '{options.CallbackPath}' must be a path starting with '/'.");
        }
        foreach (var (setting, value) in new[] { ("NameClaim", options.NameClaim), ("DisplayNameClaim", options.DisplayNameClaim), ("RoleClaim", options.RoleClaim) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{Section}:{setting} must name a claim.");
            }
        }
        if (options.RoleMap.Count == 0)
        {
            problems.Add($"{Section}:RoleMap is empty: nobody would get a role. Map the values of the {options.RoleClaim} claim to coordinator, regie, partner or admin.");
        }
        var allowed = Roles.All.Where(r => r != Roles.System).ToList();
        foreach (var (value, role) in options.RoleMap)
        {
            if (!allowed.Contains(role, StringComparer.Ordinal))
            {
                problems.Add($"{Section}:RoleMap:{value} is '{role}'; it must be one of {string.Join(", ", allowed)} ({Roles.System} is for API clients only).");
            }
        }
        var mapsPartners = options.RoleMap.Values.Contains(Roles.Partner, StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(options.OrganisationClaim) && (mapsPartners || options.OrganisationMap.Count > 0))
        {
            problems.Add($"{Section}:OrganisationClaim is required when RoleMap gives the partner role or OrganisationMap is set: a partner only sees its own organisation's tasks.");
        }
        foreach (var (value, organisation) in options.OrganisationMap)
        {
            if (!partners.Exists(organisation))
            {
                problems.Add($"{Section}:OrganisationMap:{value} is '{organisation}', which is no partner organisation (known: {string.Join(", ", partners.All.Select(p => p.Id))}).");
            }
        }
        return problems;
    }
}

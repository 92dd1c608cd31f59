namespace Inburgering.Host.Security;

/// <summary>
/// Sign-in through the gemeente's OpenID Connect provider (section <c>Auth:Oidc</c>): Azure AD / Entra ID, Keycloak, ADFS…
/// Off while <see cref="Authority"/> is empty. The provider's claims are mapped onto our roles and organisations by
/// <see cref="RoleMap"/> and <see cref="OrganisationMap"/>; see <see cref="OidcClaimMapper"/> and docs/operations.md.
/// Checked at start by <see cref="OidcOptionsValidator"/>.
/// </summary>
public sealed class OidcOptions
{
    public const string SectionName = "Auth:Oidc";

    /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c> or <c>https://sso.gemeente.nl/realms/medewerkers</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The client secret (a confidential client; from a secret store or environment variable, never in a file).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for besides <c>openid</c>; default <c>profile</c>. Add the one that brings the role claim if the provider needs it.</summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>Where the provider sends the browser back; register <c>https://{host}{CallbackPath}</c> with the provider.</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>Metadata and keys only over HTTPS. Turn off for a local test provider alone.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim that is the stable user name in audits (falls back to <c>sub</c>).</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>The claim with the name shown in the UI (falls back to the user name).</summary>
    public string DisplayNameClaim { get; set; } = "name";

    /// <summary>The claim whose values decide the roles: <c>groups</c> (Azure AD, Keycloak with a group mapper), <c>roles</c>…</summary>
    public string RoleClaim { get; set; } = "groups";

    /// <summary>
    /// Claim value → our role (<c>coordinator</c>, <c>regie</c>, <c>partner</c>, <c>admin</c>; never <c>systeem</c>, which is for
    /// integrations). Values not in the map give no role; a user without any role is signed in but sees "geen toegang".
    /// </summary>
    public IDictionary<string, string> RoleMap { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The claim that names a partner user's organisation, e.g. <c>org</c>; without it partners get no access.</summary>
    public string? OrganisationClaim { get; set; }

    /// <summary>
    /// Claim value → our organisation id (<c>Partners:Organisations</c>); when empty the claim value is taken as the id.
    /// Either way only known organisations count.
    /// </summary>
    public IDictionary<string, string> OrganisationMap { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Also ask the provider's userinfo endpoint for the user's claims, for providers that keep groups or the organisation
    /// out of the ID token (a Keycloak mapper without "add to ID token", ADFS, a large group list). The values of
    /// <see cref="RoleClaim"/>, <see cref="OrganisationClaim"/>, <see cref="NameClaim"/> and <see cref="DisplayNameClaim"/>
    /// found there join the ID token's before they are mapped. Default off: one request fewer per sign-in.
    /// </summary>
    public bool ClaimsFromUserInfo { get; set; }

    /// <summary>
    /// "Uitloggen" also ends the session at the provider (OpenID Connect RP-initiated logout) when its metadata has an
    /// <c>end_session_endpoint</c>: the browser goes there with the ID token as hint and comes back to the login page
    /// through <see cref="SignedOutCallbackPath"/>. Off: only this application's cookie is removed, and the next
    /// "Inloggen via de gemeente" may sign in without asking. Default on.
    /// </summary>
    public bool SignOutAtProvider { get; set; } = true;

    /// <summary>Where the provider sends the browser back after signing out; register <c>https://{host}{SignedOutCallbackPath}</c> as post-logout redirect URI.</summary>
    public string SignedOutCallbackPath { get; set; } = "/signout-callback-oidc";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}

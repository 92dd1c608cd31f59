using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Inburgering.Host.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> for API clients (partner systems, integrations, tests). The token's SHA-256
/// is looked up among the configured clients; the client's role and organisation become claims.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiClientDirectory clients)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var client = clients.Find(header["Bearer ".Length..].Trim());
        if (client is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API token."));
        }
        var claims = new List<Claim> { new(ClaimTypes.Name, client.Name), new(ClaimTypes.Role, client.Role) };
        if (client.Organisation is { } organisation)
        {
            claims.Add(new Claim(Roles.OrganisationClaim, organisation));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}

/// <summary>The configured clients by token hash (plus the demo clients when enabled).</summary>
internal sealed class ApiClientDirectory
{
    private readonly Dictionary<string, ApiClient> _byHash = new(StringComparer.Ordinal);

    public ApiClientDirectory(IOptions<ApiClientOptions> options, Workflows.Partners.PartnerDirectory partners)
    {
        foreach (var client in options.Value.Clients)
        {
            _byHash[client.TokenSha256.ToLowerInvariant()] = client;
        }
        if (options.Value.DemoClients)
        {
            foreach (var client in DemoClients(partners))
            {
                _byHash.TryAdd(client.TokenSha256, client);
            }
        }
    }

    public ApiClient? Find(string token)
    {
        // Looking up the hash (not the token) keeps timing independent of how much of a guessed token matches.
        return _byHash.GetValueOrDefault(Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The demo token of every role and of every partner organisation: <c>demo-{role}</c> and <c>demo-{organisation}</c>.</summary>
    public static IEnumerable<ApiClient> DemoClients(Workflows.Partners.PartnerDirectory partners)
    {
        foreach (var role in new[] { Roles.Admin, Roles.Regie, Roles.Coordinator, Roles.System })
        {
            yield return new ApiClient { Name = $"demo-{role}", Role = role, TokenSha256 = Hash($"demo-{role}") };
        }
        foreach (var organisation in partners.All)
        {
            yield return new ApiClient { Name = $"demo-{organisation.Id}", Role = Roles.Partner, Organisation = organisation.Id, TokenSha256 = Hash($"demo-{organisation.Id}") };
        }
    }
}

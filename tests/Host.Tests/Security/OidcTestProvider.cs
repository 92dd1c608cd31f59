using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Inburgering.Host.Tests.Security;

/// <summary>
/// A real OpenID Connect provider on Kestrel (127.0.0.1, a free port) for the sign-in tests: OpenIddict's server with
/// the authorization code flow and PKCE, in degraded mode (no stores: codes are self-contained, encrypted tokens; the
/// one client is checked by the two handlers below). There is no login UI: the authorization endpoint signs in the user
/// named by the cookie <see cref="UserCookie"/>, which a test puts in its cookie jar, with the claims registered for that
/// user by <see cref="AddUser"/>. No cookie (or an unknown user) is answered with <c>access_denied</c>.
/// </summary>
public sealed class OidcTestProvider : IAsyncDisposable
{
    public const string ClientId = "inburgering-workflows";
    public const string ClientSecret = "test-secret";
    public const string UserCookie = "oidc-test-user";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, IReadOnlyList<Claim>> _users = new(StringComparer.Ordinal);

    private OidcTestProvider(WebApplication app, Uri authority)
    {
        _app = app;
        Authority = authority;
    }

    /// <summary>The issuer (no trailing slash), e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Authority { get; }

    /// <summary>The URLs the provider served an authorization request for (so a test can see the dance went through it).</summary>
    public ConcurrentQueue<string> AuthorizationRequests { get; } = new();

    /// <summary>A user the authorization endpoint can sign in; <paramref name="key"/> is its <c>sub</c> and the cookie value.</summary>
    public void AddUser(string key, params (string Type, string Value)[] claims) =>
        _users[key] = claims.Select(c => new Claim(c.Type, c.Value)).ToList();

    /// <summary>
    /// A user whose <paramref name="userInfoOnly"/> claims are not in the ID token but only answered by the userinfo
    /// endpoint, as providers do that keep groups out of the token (a Keycloak mapper without "add to ID token", ADFS).
    /// </summary>
    public void AddUser(string key, (string Type, string Value)[] claims, (string Type, string Value)[] userInfoOnly) =>
        _users[key] = claims.Select(c => new Claim(c.Type, c.Value))
            .Concat(userInfoOnly.Select(c => new Claim(c.Type, c.Value) { Properties = { [UserInfoOnly] = "true" } }))
            .ToList();

    private const string UserInfoOnly = "userinfo-only";

    /// <summary>How many userinfo requests the provider answered.</summary>
    public int UserInfoRequests => _userInfoRequests;

    private int _userInfoRequests;

    public static async Task<OidcTestProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetEndSessionEndpointUris("connect/logout")
                .SetUserInfoEndpointUris("connect/userinfo");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile);
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            server.DisableAccessTokenEncryption();
            server.EnableDegradedMode();
            server.DisableTokenStorage();
            server.DisableAuthorizationStorage();
            server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableEndSessionEndpointPassthrough().EnableUserInfoEndpointPassthrough()
                .DisableTransportSecurityRequirement();
            // Degraded mode leaves client validation to us: one confidential client, redirects to this machine only.
            server.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (!Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var redirect) || !redirect.IsLoopback)
                {
                    context.Reject(Errors.InvalidRequest, "redirect_uri must be on 127.0.0.1.");
                }
                return default;
            }));
            server.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } back && (!Uri.TryCreate(back, UriKind.Absolute, out var uri) || !uri.IsLoopback))
                {
                    context.Reject(Errors.InvalidRequest, "post_logout_redirect_uri must be on 127.0.0.1.");
                }
                return default;
            }));
            server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.Request.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Wrong client or secret.");
                }
                return default;
            }));
        });
        var app = builder.Build();
        app.UseAuthentication();
        var provider = default(OidcTestProvider);
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpContext context) => provider!.Authorize(context));
        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], (HttpContext context) => provider!.EndSession(context));
        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], (Delegate)((HttpContext context) => provider!.UserInfoAsync(context)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        provider = new OidcTestProvider(app, new Uri(address));
        return provider;
    }

    private IResult Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        AuthorizationRequests.Enqueue(context.Request.Path + context.Request.QueryString);
        if (!context.Request.Cookies.TryGetValue(UserCookie, out var key) || !_users.TryGetValue(key, out var claims))
        {
            var refused = new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "No test user chosen.",
            });
            return Results.Forbid(refused, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, key));
        identity.AddClaims(claims.Select(c => c.Clone())); // with their properties: which ones stay out of the ID token
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(c => c.Properties.ContainsKey(UserInfoOnly) ? [Destinations.AccessToken] : [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The userinfo endpoint: the claims of the access token the client presents, as one JSON object (repeated claims as an array).</summary>
    private async Task<IResult> UserInfoAsync(HttpContext context)
    {
        Interlocked.Increment(ref _userInfoRequests);
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        var skip = new HashSet<string>(StringComparer.Ordinal) { "iss", "aud", "exp", "iat", "nbf", "jti", "scope", "client_id", "oi_prst", "oi_au_id", "oi_tkn_id", "oi_scp", "oi_crt_dt", "oi_exp_dt", "token_usage" };
        var body = principal.Claims.Where(c => !skip.Contains(c.Type)).GroupBy(c => c.Type, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count() == 1 ? (object)g.First().Value : g.Select(c => c.Value).ToArray(), StringComparer.Ordinal);
        return Results.Json(body);
    }

    /// <summary>The end-session requests (RP-initiated logout) the provider served, with their query.</summary>
    public ConcurrentQueue<string> EndSessionRequests { get; } = new();

    /// <summary>Ends the test user's session (forgets the chosen user) and sends the browser back to the post-logout URI.</summary>
    private IResult EndSession(HttpContext context)
    {
        EndSessionRequests.Enqueue(context.Request.Path + context.Request.QueryString);
        context.Response.Cookies.Delete(UserCookie);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

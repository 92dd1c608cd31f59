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

    public static async Task<OidcTestProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetEndSessionEndpointUris("connect/logout");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile);
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            server.DisableAccessTokenEncryption();
            server.EnableDegradedMode();
            server.DisableTokenStorage();
            server.DisableAuthorizationStorage();
            server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableEndSessionEndpointPassthrough().DisableTransportSecurityRequirement();
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
        identity.AddClaims(claims.Select(c => new Claim(c.Type, c.Value)));
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
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

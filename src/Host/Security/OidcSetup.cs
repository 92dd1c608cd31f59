using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Inburgering.Host.Security;

/// <summary>
/// Production sign-in: the authorization code flow with PKCE against the gemeente's provider (<see cref="OidcOptions"/>).
/// The handler only brings people in; it signs them in to the same cookie as the demo users, with claims made by
/// <see cref="OidcClaimMapper"/>, so pages, policies and the task API see no difference.
/// </summary>
internal static class OidcSetup
{
    private static readonly string[] AlwaysScopes = ["openid", "profile"];

    /// <summary>Where a signed-out user lands (the login page says so).</summary>
    public const string SignedOutPage = "/inloggen?afgemeld=1";

    /// <summary>
    /// True when "Uitloggen" should also end the session at the provider: the user came in through it, it is allowed,
    /// and the provider has an end-session endpoint (without one the handler cannot sign out there and would throw).
    /// </summary>
    public static async Task<bool> SignsOutAtProviderAsync(HttpContext context, OidcOptions oidc, IOptionsMonitor<OpenIdConnectOptions> handlers)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(oidc);
        ArgumentNullException.ThrowIfNull(handlers);
        if (!oidc.Enabled || !oidc.SignOutAtProvider || context.User.Identity?.AuthenticationType != SignInSchemes.Oidc)
        {
            return false;
        }
        try
        {
            var manager = handlers.Get(SignInSchemes.Oidc).ConfigurationManager;
            return manager is not null && !string.IsNullOrEmpty((await manager.GetConfigurationAsync(context.RequestAborted)).EndSessionEndpoint);
        }
#pragma warning disable CA1031 // the provider's metadata cannot be read: sign out here at least, which is what the user asked
        catch (Exception ex)
#pragma warning restore CA1031
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSetup).FullName!)
                .LogWarning(ex, "The provider's metadata could not be read; signing out of this application only.");
            return false;
        }
    }

    public static AuthenticationBuilder AddOidcSignIn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        var section = configuration.GetSection(OidcOptions.SectionName);
        var services = authentication.Services;
        services.AddOptions<OidcOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        services.AddSingleton<OidcClaimMapper>();
        if (string.IsNullOrWhiteSpace(section[nameof(OidcOptions.Authority)]))
        {
            return authentication;
        }
        authentication.AddOpenIdConnect(SignInSchemes.Oidc, "Gemeente", _ => { });
        services.AddOptions<OpenIdConnectOptions>(SignInSchemes.Oidc)
            .Configure<IOptions<OidcOptions>, OidcClaimMapper, ILoggerFactory>((o, oidc, mapper, loggers) =>
                Configure(o, oidc.Value, mapper, loggers.CreateLogger(typeof(OidcSetup).FullName!)));
        return authentication;
    }

    /// <summary>Our principal in place of the provider's, or a failed sign-in when it names no user.</summary>
    private static void MapOrFail(RemoteAuthenticationContext<OpenIdConnectOptions> context, System.Security.Claims.ClaimsPrincipal external, OidcClaimMapper mapper)
    {
        if (mapper.Map(external) is { } principal)
        {
            context.Principal = principal;
        }
        else
        {
            context.Fail("The provider's claims name no user (no name claim, no sub).");
        }
    }

    private static void Configure(OpenIdConnectOptions o, OidcOptions oidc, OidcClaimMapper mapper, ILogger logger)
    {
        o.SignInScheme = SignInSchemes.Cookie;
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.CallbackPath = oidc.CallbackPath;
        o.SignedOutCallbackPath = oidc.SignedOutCallbackPath;
        o.SignedOutRedirectUri = SignedOutPage;
        o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        // The code comes back in the query of a top-level GET, so the correlation and nonce cookies can be SameSite=Lax
        // (a form_post needs SameSite=None, which browsers accept only on https). The code is useless without PKCE's verifier.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // Claim names stay as the provider sends them ("groups", "org"), which is what the settings name.
        o.MapInboundClaims = false;
        // Not the access or refresh token: only the ID token is kept (below), as the hint for signing out at the provider.
        o.SaveTokens = false;
        o.Scope.Clear();
        foreach (var scope in AlwaysScopes.Concat(oidc.Scopes).Distinct(StringComparer.Ordinal))
        {
            o.Scope.Add(scope);
        }
        o.GetClaimsFromUserInfoEndpoint = oidc.ClaimsFromUserInfo;
        if (oidc.ClaimsFromUserInfo)
        {
            // The userinfo claims are merged and mapped by us (OnUserInformationReceived), so the handler's own claim
            // actions, which would add the provider's claims to our mapped identity afterwards, are not wanted.
            o.ClaimActions.Clear();
        }
        o.Events.OnTokenValidated = context =>
        {
            // The provider wants it back as id_token_hint when the user signs out (Keycloak and ADFS do not end the
            // session without it); it travels in the protected cookie, never in a page or a log.
            if ((context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage?.IdToken) is { Length: > 0 } idToken)
            {
                context.Properties!.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
            }
            if (!oidc.ClaimsFromUserInfo)
            {
                MapOrFail(context, context.Principal!, mapper);
            }
            return Task.CompletedTask;
        };
        o.Events.OnUserInformationReceived = context =>
        {
            // Runs only with ClaimsFromUserInfo; the handler has checked that userinfo's sub is the ID token's.
            MapOrFail(context, OidcUserInfo.Merge(context.Principal!, context.User.RootElement, oidc), mapper);
            return Task.CompletedTask;
        };
        o.Events.OnRemoteFailure = context =>
        {
            // A refused or broken sign-in goes back to the login page with a message, not to an exception page.
            logger.LogWarning(context.Failure, "An OpenID Connect sign-in failed.");
            context.HandleResponse();
            context.Response.Redirect("/inloggen?fout=oidc");
            return Task.CompletedTask;
        };
    }
}

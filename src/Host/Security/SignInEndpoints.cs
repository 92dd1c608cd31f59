using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Inburgering.Host.Security;

/// <summary>
/// The login page's form posts here (with its antiforgery token): a known demo user gets the sign-in cookie and goes
/// back to where it came from; anything else goes back to the login page with a message. With OpenID Connect on, the
/// page's "Inloggen via de gemeente" starts the provider's sign-in here, which ends in the same cookie. Sign-out is a POST too, so a
/// link in a mail cannot sign anyone out; it ends the provider's session too when the user came from there.
/// </summary>
internal static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", SignInAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/account/login/oidc", ChallengeOidc).AllowAnonymous().ExcludeFromDescription();
        // The form carries an antiforgery token; without it a page elsewhere could sign people out.
        app.MapPost("/account/logout", (Delegate)SignOutAsync).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, DemoUserDirectory users, ILoggerFactory loggers,
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var back = LocalOrHome(returnUrl);
        var user = users.SignIn(userName, password);
        if (user is null)
        {
            // No user name in the log: a mistyped password is often someone's real password.
            loggers.CreateLogger(typeof(SignInEndpoints).FullName!).LogInformation("A sign-in failed.");
            return Results.Redirect($"/inloggen?fout=1&returnUrl={Uri.EscapeDataString(back)}");
        }
        await context.SignInAsync(SignInSchemes.Cookie, DemoUserDirectory.ToPrincipal(user, SignInSchemes.Cookie));
        return Results.LocalRedirect(back);
    }

    /// <summary>"Inloggen via de gemeente": off to the provider, and afterwards back to a local page only.</summary>
    private static IResult ChallengeOidc(IOptions<OidcOptions> oidc, string? returnUrl) =>
        oidc.Value.Enabled
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [SignInSchemes.Oidc])
            : Results.NotFound();

    /// <summary>
    /// Removes our cookie; for a user who came in through the gemeente's provider also ends the session there
    /// (<see cref="OidcOptions.SignOutAtProvider"/>), so a shared workstation does not sign the next person in as them.
    /// </summary>
    private static async Task<IResult> SignOutAsync(HttpContext context, IOptions<OidcOptions> oidc, IOptionsMonitor<OpenIdConnectOptions> handlers)
    {
        if (await OidcSetup.SignsOutAtProviderAsync(context, oidc.Value, handlers))
        {
            // Cookie first, then the provider: the handler still reads the ID token from this request's cookie.
            return Results.SignOut(new AuthenticationProperties { RedirectUri = OidcSetup.SignedOutPage }, [SignInSchemes.Cookie, SignInSchemes.Oidc]);
        }
        await context.SignOutAsync(SignInSchemes.Cookie);
        return Results.LocalRedirect(OidcSetup.SignedOutPage);
    }

    /// <summary>Only local paths: an open redirect would let a phishing link borrow our login page.</summary>
    private static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}

using Inburgering.Host.Hosting;
using Inburgering.Workflows.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;

namespace Inburgering.Host.Security;

internal static class SecuritySetup
{
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ApiClientOptions.SectionName);
        var options = new ApiClientOptions();
        section.Bind(options);
        foreach (var client in options.Clients)
        {
            Validator.ValidateObject(client);
        }
        builder.Services.AddOptions<ApiClientOptions>().Bind(section)
            .Validate(o => o.Clients.All(c => Roles.All.Contains(c.Role)), $"Auth:Clients: every Role must be one of {string.Join(", ", Roles.All)}.")
            .Validate(o => o.Clients.All(c => (c.Role == Roles.Partner) == (c.Organisation is not null)), "Auth:Clients: a partner client needs an Organisation, other roles none.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ApiClientDirectory>();
        builder.Services.AddSingleton<DemoUserDirectory>();
        builder.Services.AddAuthentication(SignInSchemes.Default)
            // Systems send a bearer token; people in a browser carry the sign-in cookie. One default scheme picks per request.
            .AddPolicyScheme(SignInSchemes.Default, "Token of cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : SignInSchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddCookie(SignInSchemes.Cookie, o =>
            {
                o.Cookie.Name = "inburgering.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/inloggen";
                o.AccessDeniedPath = "/geen-toegang";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // The API answers 401/403 with ProblemDetails instead of sending a program to the login page.
                o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
            })
            .AddOidcSignIn(builder.Configuration);
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthorizationBuilder()
            // Everything needs a signed-in caller unless it says otherwise (health checks, OpenAPI, the start page).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ReadDefinitions, p => p.RequireRole(Roles.Coordinator, Roles.Regie, Roles.Admin))
            .AddPolicy(Policies.DesignDefinitions, p => p.RequireRole(Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.ReadInstances, p => p.RequireRole(Roles.Regie, Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.OperateInstances, p => p.RequireRole(Roles.Regie, Roles.Admin, Roles.System))
            .AddPolicy(Policies.EraseRecords, p => p.RequireRole(Roles.Regie, Roles.Admin))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Tasks, p => p.RequireAssertion(c =>
                c.User.IsInRole(Roles.Regie) || c.User.IsInRole(Roles.Admin)
                || (c.User.IsInRole(Roles.Partner) && c.User.FindFirst(Roles.OrganisationClaim) is not null)));
        return builder;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Warns loudly when the demo tokens are on: fine for the embedded default, never for production.</summary>
    public static void WarnAboutDemoClients(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiClientOptions>>().Value;
        if (options.DemoClients)
        {
            app.Logger.LogWarning("Auth:DemoClients is on: the documented demo tokens (demo-admin, demo-regie, demo-<organisation>…) are accepted. Set Auth__DemoClients=false in production.");
        }
        if (options.DemoUsers)
        {
            app.Logger.LogWarning("Auth:DemoUsers is on: anyone can sign in as a demo user (password '{Password}'). Set Auth__DemoUsers=false in production.", DemoUserDirectory.Password);
        }
    }

    /// <summary>The task actor of the caller: a partner bound to its organisation, or the gemeente (regie, admin).</summary>
    public static TaskActor ToTaskActor(this ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? "onbekend";
        return user.IsInRole(Roles.Regie) || user.IsInRole(Roles.Admin)
            ? TaskActor.Gemeente(name)
            : new TaskActor(name, user.FindFirst(Roles.OrganisationClaim)?.Value);
    }
}

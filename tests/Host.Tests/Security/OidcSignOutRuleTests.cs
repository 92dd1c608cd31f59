using System.Security.Claims;
using Inburgering.Host.Security;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Inburgering.Host.Tests.Security;

/// <summary>When "Uitloggen" goes on to the provider, and when it stays a local sign-out (the end-to-end case is in OidcSignInTests).</summary>
public sealed class OidcSignOutRuleTests
{
    private static readonly OidcOptions On = new() { Authority = "https://sso.example", ClientId = "c" };

    [Fact]
    public async Task A_user_who_came_through_the_provider_signs_out_there_when_it_has_an_end_session_endpoint()
    {
        Assert.True(await OidcSetup.SignsOutAtProviderAsync(Context(SignInSchemes.Oidc), On, Handlers("https://sso.example/logout")));
    }

    [Fact]
    public async Task Without_an_end_session_endpoint_the_sign_out_stays_local()
    {
        Assert.False(await OidcSetup.SignsOutAtProviderAsync(Context(SignInSchemes.Oidc), On, Handlers(endSession: null)));
    }

    [Fact]
    public async Task A_demo_user_or_a_switched_off_setting_or_no_provider_signs_out_locally()
    {
        var handlers = Handlers("https://sso.example/logout");

        Assert.False(await OidcSetup.SignsOutAtProviderAsync(Context(SignInSchemes.Cookie), On, handlers));
        Assert.False(await OidcSetup.SignsOutAtProviderAsync(Context(SignInSchemes.Oidc), new OidcOptions { Authority = "https://sso.example", SignOutAtProvider = false }, handlers));
        Assert.False(await OidcSetup.SignsOutAtProviderAsync(Context(SignInSchemes.Oidc), new OidcOptions(), handlers));
    }

    [Fact]
    public async Task Metadata_that_cannot_be_read_does_not_stop_the_local_sign_out()
    {
        var manager = Substitute.For<IConfigurationManager<OpenIdConnectConfiguration>>();
        manager.GetConfigurationAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new HttpRequestException("provider down"));
        var handlers = Substitute.For<IOptionsMonitor<OpenIdConnectOptions>>();
        handlers.Get(SignInSchemes.Oidc).Returns(new OpenIdConnectOptions { ConfigurationManager = manager });

        Assert.False(await OidcSetup.SignsOutAtProviderAsync(Context(SignInSchemes.Oidc), On, handlers));
    }

    private static IOptionsMonitor<OpenIdConnectOptions> Handlers(string? endSession)
    {
        var manager = Substitute.For<IConfigurationManager<OpenIdConnectConfiguration>>();
        manager.GetConfigurationAsync(Arg.Any<CancellationToken>()).Returns(new OpenIdConnectConfiguration { EndSessionEndpoint = endSession });
        var handlers = Substitute.For<IOptionsMonitor<OpenIdConnectOptions>>();
        handlers.Get(SignInSchemes.Oidc).Returns(new OpenIdConnectOptions { ConfigurationManager = manager });
        return handlers;
    }

    private static DefaultHttpContext Context(string authenticationType) => new()
    {
        User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "rita")], authenticationType)),
        RequestServices = new ServiceCollection().AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance).BuildServiceProvider(),
    };
}

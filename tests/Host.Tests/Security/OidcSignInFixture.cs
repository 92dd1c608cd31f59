using System.Net;
using Inburgering.Host.Tests.Infrastructure;

namespace Inburgering.Host.Tests.Security;

/// <summary>
/// The local provider with its test users and a Host on real Kestrel configured against it (demo users off), shared by
/// the sign-in tests: each test signs in with its own <see cref="TestBrowser"/>.
/// </summary>
public sealed class OidcSignInFixture : IAsyncLifetime
{
    public OidcTestProvider Provider { get; private set; } = null!;

    public HostFactory Host { get; private set; } = null!;

    public Uri HostAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await OidcTestProvider.StartAsync();
        // Rita: a regievoerder (and a group the Host does not know, which must change nothing).
        Provider.AddUser("rita", ("preferred_username", "rita@noordwijk.nl"), ("name", "Rita Regie"),
            ("groups", "inburgering-regie"), ("groups", "alle-medewerkers"));
        // Piet: an ISD employee; the provider names the organisation its own way.
        Provider.AddUser("piet", ("preferred_username", "piet@isd-bollenstreek.nl"), ("name", "Piet Partner"),
            ("groups", "ISD-medewerkers"), ("org", "ISD Bollenstreek"));
        // Otto: signed in by the gemeente, but in no group the Host maps.
        Provider.AddUser("otto", ("preferred_username", "otto@noordwijk.nl"), ("name", "Otto Onbekend"), ("groups", "alle-medewerkers"));
        // Paula: in the partner group, but of an organisation that is no partner of ours.
        Provider.AddUser("paula", ("preferred_username", "paula@elders.nl"), ("groups", "ISD-medewerkers"), ("org", "Elders BV"));

        Host = HostAgainst(Provider);
        Host.StartServer();
        HostAddress = Host.ClientOptions.BaseAddress;
    }

    /// <summary>
    /// A Host on Kestrel (not started) signing in at <paramref name="provider"/> only, with the test groups mapped: regie,
    /// and ISD partners with their organisation from the claim <c>org</c>.
    /// </summary>
    public static HostFactory HostAgainst(OidcTestProvider provider)
    {
        var host = new HostFactory()
            .WithSetting("Auth:DemoUsers", "false")
            .WithSetting("Auth:Oidc:Authority", provider.Authority.ToString())
            .WithSetting("Auth:Oidc:ClientId", OidcTestProvider.ClientId)
            .WithSetting("Auth:Oidc:ClientSecret", OidcTestProvider.ClientSecret)
            .WithSetting("Auth:Oidc:RequireHttpsMetadata", "false")
            .WithSetting("Auth:Oidc:RoleClaim", "groups")
            .WithSetting("Auth:Oidc:RoleMap:inburgering-regie", "regie")
            .WithSetting("Auth:Oidc:RoleMap:ISD-medewerkers", "partner")
            .WithSetting("Auth:Oidc:OrganisationClaim", "org")
            .WithSetting("Auth:Oidc:OrganisationMap:ISD Bollenstreek", "isd-bollenstreek");
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        return host;
    }

    public Uri OnHost(string pathAndQuery) => new(HostAddress, pathAndQuery);

    /// <summary>A browser that has gone through "Inloggen via de gemeente" as <paramref name="user"/>; the last response of the dance.</summary>
    public async Task<(TestBrowser Browser, HttpResponseMessage Landed)> SignInAsync(string? user, string returnUrl = "/")
    {
        var browser = new TestBrowser();
        if (user is not null)
        {
            browser.ChooseUser(Provider.Authority, user);
        }
        var landed = await browser.GetAsync(OnHost($"/account/login/oidc?returnUrl={Uri.EscapeDataString(returnUrl)}"));
        return (browser, landed);
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }
    }
}

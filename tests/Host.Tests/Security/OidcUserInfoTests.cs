using System.Net;
using Inburgering.Host.Tests.Infrastructure;

namespace Inburgering.Host.Tests.Security;

/// <summary>
/// A provider that keeps groups and the organisation out of the ID token and answers them only at its userinfo
/// endpoint: with <c>Auth:Oidc:ClaimsFromUserInfo</c> the Host asks for them and maps them; without it the same user
/// signs in with no access.
/// </summary>
public sealed class OidcUserInfoTests(OidcUserInfoTests.Fixture fixture) : IClassFixture<OidcUserInfoTests.Fixture>
{
    [Fact]
    public async Task Groups_only_in_userinfo_give_the_role_when_the_Host_asks_for_them()
    {
        var before = fixture.Provider.UserInfoRequests;
        using var signedIn = await fixture.SignInAsync(fixture.WithUserInfo, "ursula", "/definities");
        var (browser, landed) = (signedIn.Browser, signedIn.Landed);

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/definities", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.True(fixture.Provider.UserInfoRequests > before);
        using var definitions = await browser.GetOnceAsync(Fixture.On(fixture.WithUserInfo, "/api/definitions"));
        Assert.Equal(HttpStatusCode.OK, definitions.StatusCode);
        using var home = await browser.GetOnceAsync(Fixture.On(fixture.WithUserInfo, "/"));
        Assert.Contains("Ursula Userinfo", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_s_organisation_only_in_userinfo_binds_the_partner_role_to_it()
    {
        using var signedIn = await fixture.SignInAsync(fixture.WithUserInfo, "ulrike", "/");
        var (browser, landed) = (signedIn.Browser, signedIn.Landed);

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        using var own = await browser.GetOnceAsync(Fixture.On(fixture.WithUserInfo, "/api/tasks?organisation=isd-bollenstreek"));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var other = await browser.GetOnceAsync(Fixture.On(fixture.WithUserInfo, "/api/tasks?organisation=vluchtelingenwerk"));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task Without_the_setting_the_same_user_signs_in_with_no_access()
    {
        var before = fixture.Provider.UserInfoRequests;
        using var signedIn = await fixture.SignInAsync(fixture.WithoutUserInfo, "ursula", "/definities");
        var (browser, landed) = (signedIn.Browser, signedIn.Landed);

        Assert.Equal("/geen-toegang", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(before, fixture.Provider.UserInfoRequests);
        using var definitions = await browser.GetOnceAsync(Fixture.On(fixture.WithoutUserInfo, "/api/definitions"));
        Assert.Equal(HttpStatusCode.Forbidden, definitions.StatusCode);
    }

    /// <summary>One provider; two Hosts against it, with and without <c>ClaimsFromUserInfo</c>.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public OidcTestProvider Provider { get; private set; } = null!;

        public Uri WithUserInfo { get; private set; } = null!;

        public Uri WithoutUserInfo { get; private set; } = null!;

        private readonly List<HostFactory> _hosts = [];

        public async Task InitializeAsync()
        {
            Provider = await OidcTestProvider.StartAsync();
            Provider.AddUser("ursula", [("preferred_username", "ursula@noordwijk.nl"), ("name", "Ursula Userinfo")],
                userInfoOnly: [("groups", "inburgering-regie"), ("groups", "alle-medewerkers")]);
            Provider.AddUser("ulrike", [("preferred_username", "ulrike@isd-bollenstreek.nl")],
                userInfoOnly: [("groups", "ISD-medewerkers"), ("org", "ISD Bollenstreek")]);
            WithUserInfo = Start(claimsFromUserInfo: true);
            WithoutUserInfo = Start(claimsFromUserInfo: false);
        }

        public static Uri On(Uri host, string pathAndQuery) => new(host, pathAndQuery);

        /// <summary>A browser that has gone through "Inloggen via de gemeente" on <paramref name="host"/> as <paramref name="user"/>.</summary>
        public async Task<SignedIn> SignInAsync(Uri host, string user, string returnUrl)
        {
            var browser = new TestBrowser();
            browser.ChooseUser(Provider.Authority, user);
            return new SignedIn(browser, await browser.GetAsync(On(host, $"/account/login/oidc?returnUrl={Uri.EscapeDataString(returnUrl)}")));
        }

        private Uri Start(bool claimsFromUserInfo)
        {
            var host = OidcSignInFixture.HostAgainst(Provider).WithSetting("Auth:Oidc:ClaimsFromUserInfo", claimsFromUserInfo ? "true" : "false");
            host.StartServer();
            _hosts.Add(host);
            return host.ClientOptions.BaseAddress;
        }

        public async Task DisposeAsync()
        {
            foreach (var host in _hosts)
            {
                await host.DisposeAsync();
            }
            if (Provider is not null)
            {
                await Provider.DisposeAsync();
            }
        }
    }
}

/// <summary>A browser after the sign-in dance, and the last response of it.</summary>
public sealed record SignedIn(TestBrowser Browser, HttpResponseMessage Landed) : IDisposable
{
    public void Dispose()
    {
        Landed.Dispose();
        Browser.Dispose();
    }
}

using System.Net;
using System.Text.RegularExpressions;

namespace Inburgering.Host.Tests.Security;

/// <summary>
/// "Inloggen via de gemeente" end to end: the Host on Kestrel, a real OpenID Connect provider on another port, and the
/// whole redirect dance (challenge → provider's authorization endpoint → callback with the code → token request with
/// PKCE → our cookie) followed hop by hop. Afterwards the cookie alone decides what the user may do.
/// </summary>
public sealed partial class OidcSignInTests(OidcSignInFixture fixture) : IClassFixture<OidcSignInFixture>
{
    [Fact]
    public async Task Regie_group_signs_in_with_the_regie_role()
    {
        var (browser, landed) = await fixture.SignInAsync("rita", "/definities");
        using (browser)
        using (landed)
        {
            Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
            Assert.Equal("/definities", landed.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains(browser.Visited, u => u.Port == fixture.Provider.Authority.Port && u.AbsolutePath == "/connect/authorize");
            Assert.Contains(fixture.Provider.AuthorizationRequests, r => r.Contains("code_challenge_method=S256", StringComparison.Ordinal));

            using var definitions = await browser.GetOnceAsync(fixture.OnHost("/api/definitions"));
            Assert.Equal(HttpStatusCode.OK, definitions.StatusCode);
            using var tasks = await browser.GetOnceAsync(fixture.OnHost("/api/tasks?organisation=vluchtelingenwerk"));
            Assert.Equal(HttpStatusCode.OK, tasks.StatusCode);
            using var home = await browser.GetOnceAsync(fixture.OnHost("/"));
            Assert.Contains("Rita Regie", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Partner_group_gets_its_organisation_from_the_claim_mapping_and_sees_only_that()
    {
        var (browser, landed) = await fixture.SignInAsync("piet", "/");
        using (browser)
        using (landed)
        {
            Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
            using var own = await browser.GetOnceAsync(fixture.OnHost("/api/tasks"));
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            using var ownByName = await browser.GetOnceAsync(fixture.OnHost("/api/tasks?organisation=isd-bollenstreek"));
            Assert.Equal(HttpStatusCode.OK, ownByName.StatusCode);
            using var other = await browser.GetOnceAsync(fixture.OnHost("/api/tasks?organisation=vluchtelingenwerk"));
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
            using var definitions = await browser.GetOnceAsync(fixture.OnHost("/api/definitions"));
            Assert.Equal(HttpStatusCode.Forbidden, definitions.StatusCode);
            using var page = await browser.GetOnceAsync(fixture.OnHost("/definities"));
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/geen-toegang", page.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task Unmapped_group_is_signed_in_without_any_access()
    {
        var (browser, landed) = await fixture.SignInAsync("otto", "/definities");
        using (browser)
        using (landed)
        {
            // Signed in (a 403, not a 401), but every page and endpoint that needs a role says no.
            Assert.Equal("/geen-toegang", landed.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains("data-testid=\"geen-toegang\"", await landed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var tasks = await browser.GetOnceAsync(fixture.OnHost("/api/tasks"));
            Assert.Equal(HttpStatusCode.Forbidden, tasks.StatusCode);
            using var definitions = await browser.GetOnceAsync(fixture.OnHost("/api/definitions"));
            Assert.Equal(HttpStatusCode.Forbidden, definitions.StatusCode);
        }
    }

    [Fact]
    public async Task Partner_group_of_an_unknown_organisation_gets_no_partner_access()
    {
        var (browser, landed) = await fixture.SignInAsync("paula");
        using (browser)
        using (landed)
        {
            Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
            using var tasks = await browser.GetOnceAsync(fixture.OnHost("/api/tasks"));
            Assert.Equal(HttpStatusCode.Forbidden, tasks.StatusCode);
        }
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example/steal")]
    public async Task A_foreign_return_url_is_not_followed(string returnUrl)
    {
        var (browser, landed) = await fixture.SignInAsync("rita", returnUrl);
        using (browser)
        using (landed)
        {
            Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
            Assert.Equal(fixture.HostAddress.Port, landed.RequestMessage!.RequestUri!.Port);
            Assert.Equal("/", landed.RequestMessage.RequestUri.AbsolutePath);
            Assert.All(browser.Visited, u => Assert.True(u.IsLoopback, $"left the machine: {u}"));
        }
    }

    [Fact]
    public async Task A_sign_in_the_provider_refuses_returns_to_the_login_page_with_a_message()
    {
        var (browser, landed) = await fixture.SignInAsync(user: null);
        using (browser)
        using (landed)
        {
            Assert.Equal("/inloggen", landed.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains("Inloggen via de gemeente is mislukt", await landed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var tasks = await browser.GetOnceAsync(fixture.OnHost("/api/tasks"));
            Assert.Equal(HttpStatusCode.Unauthorized, tasks.StatusCode);
        }
    }

    [Fact]
    public async Task Signing_out_ends_the_session_at_the_provider_too_and_returns_to_the_login_page()
    {
        var (browser, landed) = await fixture.SignInAsync("rita", "/");
        using (browser)
        using (landed)
        {
            // The logout form of the page, with its antiforgery token, as a browser would post it.
            var html = await landed.Content.ReadAsStringAsync();
            var token = AntiforgeryField().Match(html);
            Assert.True(token.Success, "no antiforgery token in the page's logout form");

            using var signedOut = await browser.PostFormAsync(fixture.OnHost("/account/logout"),
                new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) });

            Assert.Equal("/inloggen", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains("U bent afgemeld", await signedOut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            // Through the provider's end-session endpoint, with the ID token as hint and our callback to come back to.
            var endSession = Assert.Single(fixture.Provider.EndSessionRequests, r => r.Contains("id_token_hint=", StringComparison.Ordinal));
            Assert.Contains("post_logout_redirect_uri=" + Uri.EscapeDataString(fixture.OnHost("/signout-callback-oidc").ToString()), endSession, StringComparison.Ordinal);
            Assert.Contains(browser.Visited, u => u.Port == fixture.HostAddress.Port && u.AbsolutePath == "/signout-callback-oidc");
            using var api = await browser.GetOnceAsync(fixture.OnHost("/api/definitions"));
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
            // The provider forgot the user: signing in again needs the provider's own sign-in (here: refused).
            using var again = await browser.GetAsync(fixture.OnHost("/account/login/oidc"));
            Assert.Contains("Inloggen via de gemeente is mislukt", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [Fact]
    public async Task Login_page_offers_the_gemeente_and_no_demo_form()
    {
        using var browser = new TestBrowser();
        using var page = await browser.GetOnceAsync(fixture.OnHost("/inloggen?returnUrl=%2Fdefinities"));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Inloggen via de gemeente", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/login/oidc?returnUrl=%2Fdefinities\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"login-form\"", html, StringComparison.Ordinal);
    }
}

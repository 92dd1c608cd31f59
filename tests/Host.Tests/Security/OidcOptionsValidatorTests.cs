using Inburgering.Host.Security;
using Inburgering.Host.Tests.Infrastructure;
using Inburgering.Workflows.Partners;
using Microsoft.Extensions.Options;

namespace Inburgering.Host.Tests.Security;

public sealed class OidcOptionsValidatorTests
{
    private static readonly PartnerDirectory Partners = new(Options.Create(new PartnerOptions()));

    private static OidcOptions Valid()
    {
        var options = new OidcOptions { Authority = "https://login.example/tenant/v2.0", ClientId = "inburgering", OrganisationClaim = "org" };
        options.RoleMap["inburgering-regie"] = "regie";
        options.RoleMap["ISD-medewerkers"] = "partner";
        options.OrganisationMap["ISD Bollenstreek"] = "isd-bollenstreek";
        return options;
    }

    [Fact]
    public void Off_without_settings_and_valid_when_complete()
    {
        Assert.Empty(OidcOptionsValidator.Check(new OidcOptions(), Partners));
        Assert.Empty(OidcOptionsValidator.Check(Valid(), Partners));
        var local = Valid();
        local.Authority = "http://127.0.0.1:5000";
        local.RequireHttpsMetadata = false;
        Assert.Empty(OidcOptionsValidator.Check(local, Partners));
    }

    [Theory]
    [InlineData("authority-missing", "Auth:Oidc:Authority is required")]
    [InlineData("authority-relative", "must be an absolute https URL")]
    [InlineData("authority-http", "must use https")]
    [InlineData("client-missing", "Auth:Oidc:ClientId is required")]
    [InlineData("callback-relative", "Auth:Oidc:CallbackPath 'signin-oidc' must be a path")]
    [InlineData("role-claim-empty", "Auth:Oidc:RoleClaim must name a claim")]
    [InlineData("role-map-empty", "Auth:Oidc:RoleMap is empty")]
    [InlineData("role-unknown", "Auth:Oidc:RoleMap:baas is 'boss'")]
    [InlineData("role-systeem", "Auth:Oidc:RoleMap:koppelingen is 'systeem'")]
    [InlineData("organisation-claim-missing", "Auth:Oidc:OrganisationClaim is required")]
    [InlineData("organisation-unknown", "Auth:Oidc:OrganisationMap:Elders BV is 'elders'")]
    public void Refuses_a_wrong_setting_with_its_name(string mistake, string message)
    {
        var options = Valid();
        switch (mistake)
        {
            case "authority-missing": options.Authority = null; break;
            case "authority-relative": options.Authority = "/realms/gemeente"; break;
            case "authority-http": options.Authority = "http://login.example/tenant"; break;
            case "client-missing": options.ClientId = " "; break;
            case "callback-relative": options.CallbackPath = "signin-oidc"; break;
            case "role-claim-empty": options.RoleClaim = ""; break;
            case "role-map-empty": options.RoleMap.Clear(); break;
            case "role-unknown": options.RoleMap["baas"] = "boss"; break;
            case "role-systeem": options.RoleMap["koppelingen"] = "systeem"; break;
            case "organisation-claim-missing": options.OrganisationClaim = null; break;
            case "organisation-unknown": options.OrganisationMap["Elders BV"] = "elders"; break;
            default: throw new ArgumentOutOfRangeException(nameof(mistake));
        }

        var problems = OidcOptionsValidator.Check(options, Partners);

        Assert.Contains(problems, p => p.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var options = new OidcOptions { Authority = "https://login.example", OrganisationClaim = null };
        options.RoleMap["x"] = "partner";
        options.RoleMap["y"] = "boss";

        Assert.Equal(3, OidcOptionsValidator.Check(options, Partners).Count);
    }

    [Fact]
    public void A_wrong_mapping_stops_the_boot_with_the_reason()
    {
        using var host = new HostFactory()
            .WithSetting("Auth:Oidc:Authority", "https://login.example/tenant/v2.0")
            .WithSetting("Auth:Oidc:ClientId", "inburgering")
            .WithSetting("Auth:Oidc:RoleMap:inburgering-regie", "regisseur");

        var error = Record.Exception(() => host.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Auth:Oidc:RoleMap:inburgering-regie is 'regisseur'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_oidc_there_is_no_challenge_endpoint_and_no_link()
    {
        using var host = new HostFactory();
        using var client = host.CreateClientAs(null);

        using var challenge = await client.GetAsync(new Uri("/account/login/oidc?returnUrl=%2F", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, challenge.StatusCode);
        var page = await client.GetStringAsync(new Uri("/inloggen", UriKind.Relative));
        Assert.DoesNotContain("Inloggen via de gemeente", page, StringComparison.Ordinal);
    }
}

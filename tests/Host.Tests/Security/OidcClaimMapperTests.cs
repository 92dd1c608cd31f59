using System.Security.Claims;
using Inburgering.Host.Security;
using Inburgering.Workflows.Partners;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Inburgering.Host.Tests.Security;

public sealed class OidcClaimMapperTests
{
    private static OidcOptions Options(bool organisationMap = true)
    {
        var options = new OidcOptions { Authority = "https://sso.example/realms/gemeente", ClientId = "inburgering", OrganisationClaim = "org" };
        options.RoleMap["inburgering-regie"] = Roles.Regie;
        options.RoleMap["ontwerpers"] = Roles.Coordinator;
        options.RoleMap["ISD-medewerkers"] = Roles.Partner;
        options.RoleMap["beheer"] = Roles.Admin;
        // Refused by the validator; the mapper must not give it even if it got through.
        options.RoleMap["koppelingen"] = Roles.System;
        if (organisationMap)
        {
            options.OrganisationMap["ISD Bollenstreek"] = "isd-bollenstreek";
            options.OrganisationMap["Vluchtelingenwerk Noord"] = "vluchtelingenwerk";
        }
        return options;
    }

    private static OidcClaimMapper Mapper(OidcOptions options) => new(
        Microsoft.Extensions.Options.Options.Create(options),
        new PartnerDirectory(Microsoft.Extensions.Options.Options.Create(new PartnerOptions())),
        NullLogger<OidcClaimMapper>.Instance);

    private static ClaimsPrincipal External(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc-external"));

    private static (string Type, string Value)[] Claims(string? groups, string? organisations) =>
    [
        ("sub", "u-1"),
        .. (groups ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(g => ("groups", g)),
        .. (organisations ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(o => ("org", o)),
    ];

    [Theory]
    [InlineData("inburgering-regie", null, "regie", null)]
    [InlineData("inburgering-regie;alle-medewerkers", null, "regie", null)]
    [InlineData("ontwerpers;inburgering-regie", null, "coordinator;regie", null)]
    [InlineData("beheer", null, "admin", null)]
    [InlineData("ISD-medewerkers", "ISD Bollenstreek", "partner", "isd-bollenstreek")]
    [InlineData("ISD-medewerkers", "Vluchtelingenwerk Noord", "partner", "vluchtelingenwerk")]
    [InlineData("ISD-medewerkers", "ISD Bollenstreek;Elders BV", "partner", "isd-bollenstreek")]
    [InlineData("ISD-medewerkers", "Elders BV", "", null)]
    [InlineData("ISD-medewerkers", "isd-bollenstreek", "", null)]
    [InlineData("ISD-medewerkers", null, "", null)]
    [InlineData("ISD-medewerkers", "ISD Bollenstreek;Vluchtelingenwerk Noord", "", null)]
    [InlineData("ISD-medewerkers;inburgering-regie", "Elders BV", "regie", null)]
    [InlineData("inburgering-regie", "ISD Bollenstreek", "regie", null)]
    [InlineData("Inburgering-Regie", null, "", null)]
    [InlineData("alle-medewerkers", null, "", null)]
    [InlineData("koppelingen", null, "", null)]
    [InlineData(null, null, "", null)]
    public void Maps_groups_to_roles_and_a_partner_to_one_known_organisation(string? groups, string? organisations, string roles, string? organisation)
    {
        var principal = Mapper(Options()).Map(External(Claims(groups, organisations)))!;

        var expected = roles.Split(';', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        Assert.Equal(expected, principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal));
        Assert.Equal(organisation, principal.FindFirst(Roles.OrganisationClaim)?.Value);
        Assert.True(principal.Identity!.IsAuthenticated);
    }

    [Theory]
    [InlineData("isd-bollenstreek", "isd-bollenstreek")]
    [InlineData("ISD Bollenstreek", null)]
    [InlineData("onbekend", null)]
    public void Without_an_organisation_map_the_claim_value_is_the_organisation_id(string claim, string? organisation)
    {
        var principal = Mapper(Options(organisationMap: false)).Map(External(("sub", "u-1"), ("groups", "ISD-medewerkers"), ("org", claim)))!;

        Assert.Equal(organisation, principal.FindFirst(Roles.OrganisationClaim)?.Value);
        Assert.Equal(organisation is not null, principal.IsInRole(Roles.Partner));
    }

    [Fact]
    public void Name_and_display_name_come_from_their_claims_with_fallbacks()
    {
        var mapper = Mapper(Options());

        var full = mapper.Map(External(("sub", "u-1"), ("preferred_username", "rita@noordwijk.nl"), ("name", "Rita Regie"), ("groups", "inburgering-regie")))!;
        Assert.Equal("rita@noordwijk.nl", full.Identity!.Name);
        Assert.Equal("Rita Regie", full.FindFirst(Roles.DisplayNameClaim)!.Value);
        Assert.True(full.IsInRole(Roles.Regie));
        Assert.Equal("u-1", full.FindFirst("sub")!.Value);

        var bare = mapper.Map(External(("sub", "u-2")))!;
        Assert.Equal("u-2", bare.Identity!.Name);
        Assert.Equal("u-2", bare.FindFirst(Roles.DisplayNameClaim)!.Value);

        Assert.Null(mapper.Map(External(("name", "Niemand"))));
    }

    [Fact]
    public void Claim_names_are_configurable()
    {
        var options = Options();
        options.RoleClaim = "roles";
        options.NameClaim = "upn";
        options.DisplayNameClaim = "given_name";
        options.OrganisationClaim = "department";

        var principal = Mapper(options).Map(External(("sub", "u-1"), ("upn", "piet@isd.nl"), ("given_name", "Piet"),
            ("roles", "ISD-medewerkers"), ("groups", "beheer"), ("department", "ISD Bollenstreek")))!;

        Assert.Equal("piet@isd.nl", principal.Identity!.Name);
        Assert.Equal("Piet", principal.FindFirst(Roles.DisplayNameClaim)!.Value);
        Assert.Equal([Roles.Partner], principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.Equal("isd-bollenstreek", principal.FindFirst(Roles.OrganisationClaim)!.Value);
    }
}

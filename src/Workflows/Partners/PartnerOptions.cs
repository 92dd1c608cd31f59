namespace Inburgering.Workflows.Partners;

/// <summary>
/// The partner organisations of this gemeente, from the <c>Partners</c> section
/// (<c>Partners:Organisations:0:Id=isd-bollenstreek</c>, <c>…:DisplayName=ISD Bollenstreek</c>). When none are
/// configured, the Noordwijk set from the 2021 policy plan applies (<see cref="NoordwijkDefaults"/>).
/// </summary>
public sealed class PartnerOptions
{
    public const string SectionName = "Partners";

    /// <summary>
    /// Left empty by default on purpose: the configuration binder appends to a pre-filled list, so defaults here
    /// could never be replaced, only extended.
    /// </summary>
    public IList<PartnerOrganisation> Organisations { get; } = [];

    /// <summary>Beleidsplan inburgering Noordwijk 2021 §2.3–2.4: who does what.</summary>
    public static IReadOnlyList<PartnerOrganisation> NoordwijkDefaults { get; } =
    [
        new("isd-bollenstreek", "ISD Bollenstreek", "Brede intake, PIP, financiële ontzorging."),
        new("vluchtelingenwerk", "Vluchtelingenwerk", "Maatschappelijke begeleiding, participatieverklaringstraject (PVT), Omgaan met geld."),
        new("maregroep", "MareGroep / Servicepunt Werk", "Module Arbeidsmarkt en Participatie (MAP), participatie en toeleiding naar werk."),
        new("taalaanbieder", "Taalaanbieder", "B1-route en Z-route."),
        new("onderwijsinstelling", "Onderwijsinstelling", "Onderwijsroute."),
    ];
}

namespace Inburgering.Workflows.Partners;

/// <summary>An organisation that receives partner tasks (e.g. ISD Bollenstreek).</summary>
/// <param name="Id">Stable id used in definitions, tasks, messages and logins (e.g. <c>isd-bollenstreek</c>).</param>
/// <param name="DisplayName">Dutch name in the UI.</param>
/// <param name="Description">What the organisation does in the klantreis.</param>
public sealed record PartnerOrganisation(string Id, string DisplayName, string? Description = null);

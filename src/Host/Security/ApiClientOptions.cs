using System.ComponentModel.DataAnnotations;

namespace Inburgering.Host.Security;

/// <summary>
/// API clients that authenticate with a bearer token (section <c>Auth</c>). Only the SHA-256 of each token is
/// configured, never the token. The embedded default also accepts the documented demo tokens (<see cref="DemoClients"/>);
/// production sets <c>Auth__DemoClients=false</c>. People sign in on the login page (<see cref="DemoUsers"/> in the
/// embedded default; OpenID Connect in production).
/// </summary>
public sealed class ApiClientOptions
{
    public const string SectionName = "Auth";

    /// <summary>Accept <c>demo-admin</c>, <c>demo-regie</c>, <c>demo-coordinator</c>, <c>demo-systeem</c> and <c>demo-{organisation}</c>.</summary>
    public bool DemoClients { get; set; }

    /// <summary>
    /// Offer the demo users on the login page: one per role (<c>coordinator</c>, <c>regie</c>, <c>admin</c>) and one per
    /// partner organisation (its id), all with the password <see cref="DemoUserDirectory.Password"/>. Never in production.
    /// </summary>
    public bool DemoUsers { get; set; }

    public IList<ApiClient> Clients { get; } = [];
}

public sealed class ApiClient
{
    [Required]
    public string Name { get; set; } = "";

    /// <summary>coordinator, regie, partner, admin or systeem.</summary>
    [Required]
    public string Role { get; set; } = "";

    /// <summary>Required for partners: the organisation id (e.g. isd-bollenstreek).</summary>
    public string? Organisation { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token (<c>printf %s "$TOKEN" | sha256sum</c>).</summary>
    [Required]
    public string TokenSha256 { get; set; } = "";
}

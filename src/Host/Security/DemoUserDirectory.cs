using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Inburgering.Workflows.Partners;
using Microsoft.Extensions.Options;

namespace Inburgering.Host.Security;

/// <summary>A person who can sign in on the embedded default's login page.</summary>
internal sealed record DemoUser(string UserName, string DisplayName, string Role, string? Organisation);

/// <summary>
/// The demo users of the embedded default (<c>Auth:DemoUsers</c>): one per role and one per partner organisation, so every
/// view can be tried without an identity provider. Production signs people in with OpenID Connect instead.
/// </summary>
internal sealed class DemoUserDirectory
{
    /// <summary>The one password of every demo user; shown on the login page, so it protects nothing but typos.</summary>
    public const string Password = "demo";

    private readonly Dictionary<string, DemoUser> _byName = new(StringComparer.OrdinalIgnoreCase);

    public DemoUserDirectory(IOptions<ApiClientOptions> options, PartnerDirectory partners)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(partners);
        Enabled = options.Value.DemoUsers;
        if (!Enabled)
        {
            return;
        }
        Add(new DemoUser(Roles.Coordinator, "Coördinator (gemeente)", Roles.Coordinator, null));
        Add(new DemoUser(Roles.Regie, "Regievoerder (gemeente)", Roles.Regie, null));
        Add(new DemoUser(Roles.Admin, "Beheerder", Roles.Admin, null));
        foreach (var organisation in partners.All)
        {
            Add(new DemoUser(organisation.Id, organisation.DisplayName, Roles.Partner, organisation.Id));
        }
    }

    public bool Enabled { get; }

    public IReadOnlyCollection<DemoUser> All => _byName.Values;

    /// <summary>The user when the name and password match, otherwise null (also when demo users are off).</summary>
    public DemoUser? SignIn(string? userName, string? password)
    {
        if (!Enabled || userName is null || password is null || !_byName.TryGetValue(userName.Trim(), out var user))
        {
            return null;
        }
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(Password));
        return matches ? user : null;
    }

    public static ClaimsPrincipal ToPrincipal(DemoUser user, string scheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(Roles.DisplayNameClaim, user.DisplayName),
            new(ClaimTypes.Role, user.Role),
        };
        if (user.Organisation is { } organisation)
        {
            claims.Add(new Claim(Roles.OrganisationClaim, organisation));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    private void Add(DemoUser user) => _byName[user.UserName] = user;
}

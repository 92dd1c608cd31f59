using System.Security.Claims;
using System.Text.Json;

namespace Inburgering.Host.Security;

/// <summary>
/// Joins the claims the provider's userinfo endpoint answered to the ID token's, for the claims the settings name
/// (<see cref="OidcOptions.ClaimsFromUserInfo"/>): a string value is one claim, an array of strings one claim per item.
/// Anything else in the answer is left out, so the mapper sees the same kind of identity either way.
/// </summary>
internal static class OidcUserInfo
{
    public static ClaimsPrincipal Merge(ClaimsPrincipal fromIdToken, JsonElement userInfo, OidcOptions options)
    {
        ArgumentNullException.ThrowIfNull(fromIdToken);
        ArgumentNullException.ThrowIfNull(options);
        var identity = new ClaimsIdentity(fromIdToken.Claims, fromIdToken.Identity?.AuthenticationType);
        if (userInfo.ValueKind != JsonValueKind.Object)
        {
            return new ClaimsPrincipal(identity);
        }
        string?[] wanted = [options.RoleClaim, options.OrganisationClaim, options.NameClaim, options.DisplayNameClaim];
        foreach (var type in wanted.OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.Ordinal))
        {
            if (!userInfo.TryGetProperty(type, out var value))
            {
                continue;
            }
            var values = value.ValueKind switch
            {
                JsonValueKind.String => [value.GetString()!],
                JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray(),
                _ => Array.Empty<string>(),
            };
            foreach (var item in values.Where(v => !identity.HasClaim(type, v)))
            {
                identity.AddClaim(new Claim(type, item));
            }
        }
        return new ClaimsPrincipal(identity);
    }
}

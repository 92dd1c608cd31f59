using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Inburgering.Host.Api;

/// <summary>
/// The optional <c>Idempotency-Key</c> header of a POST: the same key from the same caller is processed once. Stored as
/// a hash of caller and key, so any key up to 100 characters fits the inbox's message id and one caller's keys can never
/// collide with another's.
/// </summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>The inbox id for this request, null without the header; a problem when the header is too long.</summary>
    public static (string? MessageId, string? Problem) From(HttpRequest request, ClaimsPrincipal user)
    {
        var key = request.Headers[Header].FirstOrDefault();
        if (key is null)
        {
            return (null, null);
        }
        if (key.Length is 0 or > 100)
        {
            return (null, $"An {Header} is 1 to 100 characters.");
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{user.Identity?.Name}\n{key}"));
        return ($"http:{Convert.ToHexStringLower(hash)}", null);
    }
}

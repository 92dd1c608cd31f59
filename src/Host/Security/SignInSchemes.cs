namespace Inburgering.Host.Security;

/// <summary>The authentication schemes: bearer tokens for systems, a cookie for people (signed in by the demo form or OpenID Connect), and the selector between them.</summary>
internal static class SignInSchemes
{
    public const string Default = "Inburgering";

    public const string Cookie = "Cookies";

    /// <summary>The gemeente's OpenID Connect provider (only when <c>Auth:Oidc:Authority</c> is set); it signs in to <see cref="Cookie"/>.</summary>
    public const string Oidc = "Oidc";
}

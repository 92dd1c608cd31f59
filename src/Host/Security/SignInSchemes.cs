namespace Inburgering.Host.Security;

/// <summary>The authentication schemes: bearer tokens for systems, a cookie for people, and the selector between them.</summary>
internal static class SignInSchemes
{
    public const string Default = "Inburgering";

    public const string Cookie = "Cookies";
}

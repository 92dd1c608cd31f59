using System.Text.RegularExpressions;

namespace Inburgering.Workflows.Definitions;

/// <summary>Definition ids and activity keys: readable, stable, URL-safe (<c>brede-intake</c>).</summary>
public static partial class Keys
{
    public const int MaxLength = 100;

    public static bool IsValid(string? key) => key is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(key);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

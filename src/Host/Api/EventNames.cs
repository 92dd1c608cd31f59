namespace Inburgering.Host.Api;

internal static class EventNames
{
    /// <summary>Null when the event name is usable, else why not.</summary>
    public static string? Check(string? name) => name switch
    {
        null or { Length: 0 } => "The event name is required.",
        { Length: > 200 } => "The event name is at most 200 characters.",
        _ when name.Any(char.IsWhiteSpace) => "The event name has no spaces (e.g. DuoKennisgeving).",
        _ => null,
    };
}

namespace Inburgering.Activities;

/// <summary>Palette categories (Dutch, as the designer shows them).</summary>
internal static class Categories
{
    public const string Flow = "Besturing";
    public const string Data = "Gegevens";
    public const string Waiting = "Wachten";
    public const string Tasks = "Taken";
}

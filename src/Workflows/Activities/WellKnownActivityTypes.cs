namespace Inburgering.Workflows.Activities;

/// <summary>Type names the engine itself relies on.</summary>
public static class WellKnownActivityTypes
{
    /// <summary>Where every instance begins; exactly one per definition.</summary>
    public const string Start = "Start";
}

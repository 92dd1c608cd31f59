namespace Inburgering.Workflows.Activities;

/// <summary>Outcome port names shared by several activity types (Dutch, as the designer shows them).</summary>
public static class Outcomes
{
    /// <summary>The single way out of an activity that simply completes.</summary>
    public const string Done = "Verder";

    public const string Yes = "Ja";

    public const string No = "Nee";

    /// <summary>The port a node with <c>onFault: continue</c> leaves by when it faults.</summary>
    public const string Fault = "Fout";
}

namespace Inburgering.Workflows.Calendar;

/// <summary>A day the gemeente is closed (for example the day after Kerst). Counts only for werkdagen of policy terms.</summary>
public sealed class ClosingDayOptions
{
    public DateOnly Date { get; set; }

    /// <summary>Dutch name shown in explanations.</summary>
    public string Name { get; set; } = "sluitingsdag gemeente";
}

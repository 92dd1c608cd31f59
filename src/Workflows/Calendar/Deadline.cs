namespace Inburgering.Workflows.Calendar;

/// <summary>
/// A computed deadline with everything needed to explain it to a klantmanager or in a bezwaar: the rule and its source,
/// the start event, the plain end of the term, every Atw shift and the final day.
/// </summary>
/// <param name="Request">What was asked (rule, source, start event, duration, kind).</param>
/// <param name="RawEnd">Start + duration, before the Algemene termijnenwet.</param>
/// <param name="Final">The last day on which the act can still be done in time.</param>
/// <param name="Shifts">Atw steps that moved <paramref name="RawEnd"/> to <paramref name="Final"/>, in the order applied.</param>
/// <param name="DueUtc">The last moment of <paramref name="Final"/> in the calendar's time zone, as UTC.</param>
/// <param name="TimeZoneId">Time zone in which <paramref name="Final"/> ends.</param>
public sealed record Deadline(
    DeadlineRequest Request,
    DateOnly RawEnd,
    DateOnly Final,
    IReadOnlyList<DeadlineShift> Shifts,
    DateTimeOffset DueUtc,
    string TimeZoneId)
{
    /// <summary>True for statutory terms: the Algemene termijnenwet was applied (whether or not it moved the date).</summary>
    public bool AtwApplies => Request.Kind == TermKind.Statutory;

    /// <summary>True when the Atw moved the end day.</summary>
    public bool IsShifted => Final != RawEnd;

    /// <summary>One Dutch sentence for users.</summary>
    public string Summary
    {
        get
        {
            var start = $"{Request.RuleName}: {Request.StartEventName} op {DutchText.DayAndDate(Request.Start)} "
                + $"+ {Request.Duration.ToDutch()} = {DutchText.DayAndDate(RawEnd)}";
            if (!AtwApplies)
            {
                return $"{start}; beleidstermijn, dus niet verschoven door de Algemene termijnenwet.";
            }

            return IsShifted
                ? $"{start}; door de Algemene termijnenwet verschoven naar {DutchText.DayAndDate(Final)}."
                : $"{start}; de Algemene termijnenwet verschuift deze datum niet.";
        }
    }

    /// <summary>Multi-line Dutch explanation: rule, source, start, raw end, each shift, final day and moment.</summary>
    public string Explanation
    {
        get
        {
            var lines = new List<string>
            {
                $"Regel: {Request.RuleName}",
                string.IsNullOrWhiteSpace(Request.Source) ? "Bron: (geen)" : $"Bron: {Request.Source}",
                $"Startgebeurtenis: {Request.StartEventName} op {DutchText.DayAndDate(Request.Start)}",
                AtwApplies
                    ? $"Termijn: {Request.Duration.ToDutch()} ({Request.Duration}), wettelijke termijn: Algemene termijnenwet van toepassing"
                    : $"Termijn: {Request.Duration.ToDutch()} ({Request.Duration}), beleidstermijn: Algemene termijnenwet niet van toepassing",
                $"Einde volgens de termijn: {DutchText.DayAndDate(RawEnd)}",
            };
            lines.AddRange(Shifts.Select(shift => $"Verschuiving: {shift.Description}"));
            lines.Add($"Uiterste datum: {DutchText.DayAndDate(Final)} (tot en met 23:59 {TimeZoneId})");
            return string.Join(Environment.NewLine, lines);
        }
    }
}

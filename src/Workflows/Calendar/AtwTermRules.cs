namespace Inburgering.Workflows.Calendar;

/// <summary>
/// The Algemene termijnenwet for terms counted forward. Order: art. 2 first, then art. 1.
/// Art. 2 asks whether the term as written contains two "real" days; if it has to be extended, it is extended up to and
/// including the second such day, which by construction is not a Saturday, Sunday or feestdag, so art. 1 then has
/// nothing left to do. If art. 2 is satisfied, art. 1 moves an end on a Saturday, Sunday or feestdag to the next day
/// that is none of these. (Applying art. 1 first gives the same day; this order keeps each shift's reason simple.)
/// Gemeente closing days are not feestdagen in the sense of the Atw and are ignored here.
/// </summary>
internal sealed class AtwTermRules(HolidayTable holidays)
{
    public const string Article1 = "Algemene termijnenwet art. 1";
    public const string Article2 = "Algemene termijnenwet art. 2";

    /// <summary>Saturday, Sunday, algemeen erkende feestdag or a day equated with one (art. 3 lid 2 and 3).</summary>
    public bool IsNonWorkingDay(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.On(date).Any(day => day.CountsForAtw);

    /// <summary>Applies art. 2 and then art. 1 to a term running from the day after <paramref name="start"/>.</summary>
    public IReadOnlyList<DeadlineShift> Apply(DateOnly start, DateOnly rawEnd, out DateOnly final)
    {
        var shifts = new List<DeadlineShift>(2);
        final = rawEnd;
        if (ApplyArticle2(start, rawEnd) is { } article2)
        {
            shifts.Add(article2);
            final = article2.To;
        }

        if (ApplyArticle1(final) is { } article1)
        {
            shifts.Add(article1);
            final = article1.To;
        }

        return shifts;
    }

    // Art. 2: a term of at least three days contains at least two days that are not a Saturday, Sunday or feestdag.
    // The term's days are (start, end]: the start event's own day is not part of the term.
    private DeadlineShift? ApplyArticle2(DateOnly start, DateOnly rawEnd)
    {
        if (rawEnd.DayNumber - start.DayNumber < 3)
        {
            return null;
        }

        var found = 0;
        for (var day = start.AddDays(1); day <= rawEnd; day = day.AddDays(1))
        {
            found += IsNonWorkingDay(day) ? 0 : 1;
        }

        if (found >= 2)
        {
            return null;
        }

        var inTerm = found;
        var end = rawEnd;
        var skipped = new List<DateOnly>();
        while (found < 2)
        {
            end = end.AddDays(1);
            if (IsNonWorkingDay(end))
            {
                skipped.Add(end);
            }
            else
            {
                found++;
            }
        }

        var counted = inTerm == 1 ? "maar één" : "geen";
        var description = $"verlengd van {DutchText.DayAndDate(rawEnd)} tot {DutchText.DayAndDate(end)}: {Article2} "
            + $"(een termijn van ten minste drie dagen moet ten minste twee dagen bevatten die geen zaterdag, zondag of feestdag zijn; "
            + $"de periode {DutchText.Date(start.AddDays(1))} t/m {DutchText.Date(rawEnd)} bevat er {counted}"
            + (skipped.Count == 0 ? ")" : $"; overgeslagen: {DescribeDays(skipped)})");
        return new DeadlineShift(rawEnd, end, Article2, description);
    }

    // Art. 1 lid 1: a term ending on a Saturday, Sunday or feestdag runs to and including the next day that is none of these.
    private DeadlineShift? ApplyArticle1(DateOnly end)
    {
        if (!IsNonWorkingDay(end))
        {
            return null;
        }

        var skipped = new List<DateOnly>();
        var next = end;
        while (IsNonWorkingDay(next))
        {
            skipped.Add(next);
            next = next.AddDays(1);
        }

        var description = $"verschoven van {DutchText.DayAndDate(end)} naar {DutchText.DayAndDate(next)}: {Article1} "
            + $"({DescribeDays(skipped)})";
        return new DeadlineShift(end, next, Article1, description);
    }

    private string DescribeDays(IEnumerable<DateOnly> days) => string.Join("; ", days.Select(day =>
        $"{DutchText.Date(day)} is {DutchText.Reason(day, holidays.On(day).Where(holiday => holiday.CountsForAtw))}"));
}

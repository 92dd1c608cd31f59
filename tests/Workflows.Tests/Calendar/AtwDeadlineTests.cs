using Inburgering.Workflows.Calendar;
using static Inburgering.Workflows.Tests.Calendar.Days;

namespace Inburgering.Workflows.Tests.Calendar;

/// <summary>Statutory deadlines under the Algemene termijnenwet (art. 2, then art. 1) and policy deadlines without it.</summary>
public sealed class AtwDeadlineTests
{
    private readonly BusinessCalendar calendar = NewCalendar();

    [Theory]
    // Art. 1: raw end on a Saturday/Sunday/feestdag moves to the next day that is none of these.
    [InlineData("2030-01-05", "P10W", "2030-03-16", "2030-03-18", "16-03-2030 is zaterdag")]                 // plain Saturday
    [InlineData("2030-01-06", "P10W", "2030-03-17", "2030-03-18", "17-03-2030 is zondag")]                   // plain Sunday
    [InlineData("2030-02-16", "P10W", "2030-04-27", "2030-04-29", "27-04-2030 is zaterdag, Koningsdag")]    // Koningsdag on a Saturday, then Sunday
    [InlineData("2030-04-01", "P10W", "2030-06-10", "2030-06-11", "10-06-2030 is tweede Pinksterdag")]       // weekday feestdag
    [InlineData("2025-10-17", "P10W", "2025-12-26", "2025-12-29", "26-12-2025 is tweede Kerstdag")]          // feestdag, then weekend
    [InlineData("2030-03-21", "P10W", "2030-05-30", "2030-06-03", "31-05-2030 is vrijdag na Hemelvaartsdag")] // Hemelvaart, bridge day, weekend
    [InlineData("2029-01-25", "P6M", "2029-07-25", "2029-07-25", null)]                                        // Wednesday: nothing to do
    public void Article_1_moves_an_end_on_a_non_working_day(string start, string duration, string raw, string final, string? reason)
    {
        var deadline = calendar.ComputeDeadline(Statutory(start, duration));

        Assert.Equal(Day(raw), deadline.RawEnd);
        Assert.Equal(Day(final), deadline.Final);
        Assert.True(deadline.AtwApplies);
        Assert.Equal(reason is not null, deadline.IsShifted);
        if (reason is not null)
        {
            var shift = Assert.Single(deadline.Shifts);
            Assert.Equal("Algemene termijnenwet art. 1", shift.Article);
            Assert.Equal((Day(raw), Day(final)), (shift.From, shift.To));
            Assert.Contains(reason, shift.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Koningsdag_shift_is_explained_with_both_dates_article_and_reason()
    {
        var deadline = calendar.ComputeDeadline(Statutory("2030-02-16", "P10W"));

        var shift = Assert.Single(deadline.Shifts);
        Assert.Equal(
            "verschoven van zaterdag 27-04-2030 naar maandag 29-04-2030: Algemene termijnenwet art. 1 "
            + "(27-04-2030 is zaterdag, Koningsdag (Algemene termijnenwet art. 3 lid 1); 28-04-2030 is zondag)",
            shift.Description);
        Assert.Contains("zaterdag 27-04-2030", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains("Uiterste datum: maandag 29-04-2030", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains("Koningsdag", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains("Bron: Besluit inburgering 2021 art. 5.3", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains("Startgebeurtenis: kennisgeving op zaterdag 16-02-2030", deadline.Explanation, StringComparison.Ordinal);
        Assert.Equal(
            "PIP binnen 10 weken na kennisgeving: kennisgeving op zaterdag 16-02-2030 + 10 weken = zaterdag 27-04-2030; "
            + "door de Algemene termijnenwet verschoven naar maandag 29-04-2030.",
            deadline.Summary);
    }

    [Theory]
    // Thursday before Easter 2030 + 3 days = Sunday 21-04. The term 19..21-04 holds Goede Vrijdag, Saturday, Sunday:
    // no real day. Extend: Mon 22 (tweede Paasdag) skipped, Tue 23 (1), Wed 24 (2). Art. 1 alone would give Tue 23.
    [InlineData("2030-04-18", "P3D", "2030-04-21", "2030-04-24", "bevat er geen")]
    // Same in 2026: Thu 02-04 + 3 days = Sun 05-04; Mon 06 tweede Paasdag; Tue 07 (1), Wed 08 (2).
    [InlineData("2026-04-02", "P3D", "2026-04-05", "2026-04-08", "bevat er geen")]
    // Thu 25-04-2030 + 3 days = Sun 28-04: Fri 26 is one real day, Sat 27 Koningsdag, Sun 28. Extend to Mon 29 (2).
    [InlineData("2030-04-25", "P3D", "2030-04-28", "2030-04-29", "bevat er maar één")]
    public void Article_2_extends_a_term_until_it_holds_two_real_days(string start, string duration, string raw, string final, string counted)
    {
        var deadline = calendar.ComputeDeadline(Statutory(start, duration));

        Assert.Equal(Day(raw), deadline.RawEnd);
        Assert.Equal(Day(final), deadline.Final);
        var shift = Assert.Single(deadline.Shifts); // the end chosen by art. 2 is a real day, so art. 1 adds nothing
        Assert.Equal("Algemene termijnenwet art. 2", shift.Article);
        Assert.Contains(counted, shift.Description, StringComparison.Ordinal);
        Assert.Contains($"tot {DayName(Day(final))}", shift.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Article_2_is_not_needed_when_the_term_holds_two_real_days_then_article_1_applies()
    {
        // Wed 02-01-2030 + 3 days = Sat 05-01; Thu 03 and Fri 04 are real days, so only art. 1: Sat, Sun -> Mon 07-01.
        var deadline = calendar.ComputeDeadline(Statutory("2030-01-02", "P3D"));

        Assert.Equal(Day("2030-01-07"), deadline.Final);
        Assert.Equal("Algemene termijnenwet art. 1", Assert.Single(deadline.Shifts).Article);
    }

    [Fact]
    public void Article_2_does_not_apply_to_terms_shorter_than_three_days()
    {
        // Thu 18-04-2030 + 2 days = Sat 20-04; art. 1 skips Sat, Sun (eerste Paasdag), Mon (tweede Paasdag) -> Tue 23-04.
        var deadline = calendar.ComputeDeadline(Statutory("2030-04-18", "P2D"));

        Assert.Equal(Day("2030-04-23"), deadline.Final);
        var shift = Assert.Single(deadline.Shifts);
        Assert.Equal("Algemene termijnenwet art. 1", shift.Article);
        Assert.Contains("21-04-2030 is zondag, eerste Paasdag", shift.Description, StringComparison.Ordinal);
        Assert.Contains("22-04-2030 is tweede Paasdag", shift.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2030-02-16", "P10W", "2030-04-27")]  // ends on Koningsdag (Saturday): stays
    [InlineData("2030-04-18", "P3D", "2030-04-21")]   // no two real days: no art. 2 either
    [InlineData("2025-10-17", "P10W", "2025-12-26")]  // tweede Kerstdag: stays
    public void Policy_terms_are_not_shifted(string start, string duration, string expected)
    {
        var request = Statutory(start, duration) with { Kind = TermKind.Policy, Source = "Beleidsplan inburgering" };
        var deadline = calendar.ComputeDeadline(request);

        Assert.Equal(Day(expected), deadline.RawEnd);
        Assert.Equal(Day(expected), deadline.Final);
        Assert.False(deadline.AtwApplies);
        Assert.False(deadline.IsShifted);
        Assert.Empty(deadline.Shifts);
        Assert.Contains("beleidstermijn", deadline.Summary, StringComparison.Ordinal);
        Assert.Contains("Algemene termijnenwet niet van toepassing", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Deadline_is_due_at_the_end_of_the_final_day_in_Amsterdam()
    {
        var deadline = calendar.ComputeDeadline(Statutory("2030-02-16", "P10W"));

        // 29-04-2030 is summer time (UTC+2): 23:59:59.999 local = 21:59:59.999 UTC.
        Assert.Equal(new DateTimeOffset(2030, 4, 29, 21, 59, 59, 999, TimeSpan.Zero), deadline.DueUtc);
        Assert.Equal("Europe/Amsterdam", deadline.TimeZoneId);
    }

    [Fact]
    public void Time_units_and_missing_names_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => calendar.ComputeDeadline(Statutory("2030-02-16", "PT2H")));
        Assert.Throws<ArgumentException>(() => calendar.ComputeDeadline(Statutory("2030-02-16", "P10W") with { RuleName = " " }));
    }

    private static DeadlineRequest Statutory(string start, string duration) => new(
        Day(start),
        BusinessDuration.Parse(duration),
        TermKind.Statutory,
        "PIP binnen 10 weken na kennisgeving",
        "Besluit inburgering 2021 art. 5.3",
        "kennisgeving");

    private static string DayName(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "maandag",
        DayOfWeek.Tuesday => "dinsdag",
        DayOfWeek.Wednesday => "woensdag",
        _ => "other",
    };
}

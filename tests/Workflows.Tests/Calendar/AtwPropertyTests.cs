using Inburgering.Workflows.Calendar;

namespace Inburgering.Workflows.Tests.Calendar;

/// <summary>
/// Invariants of the Algemene termijnenwet checked for every start day in 2025-2031 and a range of term lengths,
/// next to the hand-worked examples in <see cref="AtwDeadlineTests"/>.
/// </summary>
public sealed class AtwPropertyTests
{
    private readonly BusinessCalendar calendar = Days.NewCalendar();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(14)]
    [InlineData(42)]
    [InlineData(70)]
    public void Statutory_end_is_a_real_day_not_before_the_raw_end(int days)
    {
        for (var start = new DateOnly(2025, 1, 1); start.Year <= 2031; start = start.AddDays(1))
        {
            var deadline = calendar.ComputeDeadline(new DeadlineRequest(
                start, BusinessDuration.FromDays(days), TermKind.Statutory, "test", "test", "start"));

            Assert.True(deadline.Final >= deadline.RawEnd);
            Assert.False(calendar.IsAtwNonWorkingDay(deadline.Final));
            if (days >= 3)
            {
                // Art. 2: at least two real days in (start, final].
                var real = Enumerable.Range(1, deadline.Final.DayNumber - start.DayNumber)
                    .Count(offset => !calendar.IsAtwNonWorkingDay(start.AddDays(offset)));
                Assert.True(real >= 2, $"{start}: only {real} real days up to {deadline.Final}");
            }

            // Never further than needed: every day from the raw end up to the final day (exclusive) was skipped
            // by art. 1, or the term had to grow under art. 2.
            var skippedOnlyNonWorking = Enumerable.Range(0, deadline.Final.DayNumber - deadline.RawEnd.DayNumber)
                .All(offset => calendar.IsAtwNonWorkingDay(deadline.RawEnd.AddDays(offset)));
            Assert.True(skippedOnlyNonWorking || deadline.Shifts[0].Article.EndsWith("art. 2", StringComparison.Ordinal));
        }
    }
}

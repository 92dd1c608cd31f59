using Inburgering.Workflows.Calendar;

namespace Inburgering.Workflows.Tests.Calendar;

public sealed class BusinessDurationTests
{
    [Theory]
    [InlineData("P10D", 10, DurationUnit.Days)]
    [InlineData("P10W", 10, DurationUnit.Weeks)]      // PIP: 10 weken (Besluit 5.3)
    [InlineData("P6M", 6, DurationUnit.Months)]       // ontzorging: 6 maanden (Pw 56a)
    [InlineData("P3Y", 3, DurationUnit.Years)]        // inburgeringstermijn: 3 jaar (Wi2021 art. 11)
    [InlineData("P5WD", 5, DurationUnit.Werkdagen)]   // our extension
    [InlineData("PT2H", 2, DurationUnit.Hours)]
    [InlineData("PT30M", 30, DurationUnit.Minutes)]
    [InlineData("PT45S", 45, DurationUnit.Seconds)]
    [InlineData("P0D", 0, DurationUnit.Days)]         // zero is allowed
    [InlineData("P2147483647D", int.MaxValue, DurationUnit.Days)]
    public void Parses_every_unit_and_round_trips(string text, int amount, DurationUnit unit)
    {
        Assert.True(BusinessDuration.TryParse(text, out var duration, out var error));
        Assert.Null(error);
        Assert.Equal(new BusinessDuration(amount, unit), duration);
        Assert.Equal(text, duration.ToString());
        Assert.Equal(duration, BusinessDuration.Parse(duration.ToString()));
    }

    [Fact]
    public void Leading_zeros_are_accepted_and_formatted_canonically()
    {
        Assert.Equal("P10W", BusinessDuration.Parse("P010W").ToString());
    }

    [Fact]
    public void Default_value_is_zero_days()
    {
        Assert.Equal("P0D", default(BusinessDuration).ToString());
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "it is empty")]
    [InlineData(" P10D", "whitespace")]
    [InlineData("P10D ", "whitespace")]
    [InlineData("10D", "must start with an upper-case 'P'")]
    [InlineData("p10d", "must start with an upper-case 'P'")]
    [InlineData("P", "the amount is missing")]
    [InlineData("PT", "the amount is missing")]
    [InlineData("PD", "the amount is missing")]
    [InlineData("P-1D", "non-negative whole number")]
    [InlineData("P+1D", "non-negative whole number")]
    [InlineData("P1.5D", "whole number without decimals")]
    [InlineData("P1,5D", "whole number without decimals")]
    [InlineData("P2147483648D", "larger than 2147483647")]
    [InlineData("P10", "the unit is missing")]
    [InlineData("P1Y6M", "only one unit is allowed")]
    [InlineData("P1DT2H", "only one unit is allowed")]
    [InlineData("P2H", "need the time marker 'T'")]
    [InlineData("P2S", "need the time marker 'T'")]
    [InlineData("PT5D", "is a date unit and must not follow 'T'")]
    [InlineData("PT5WD", "is a date unit and must not follow 'T'")]
    [InlineData("P10w", "must be written in upper case")]
    [InlineData("P10X", "unit 'X' is not known")]
    [InlineData("P10DW", "unit 'DW' is not known")]
    public void Rejects_bad_text_with_a_message_naming_the_accepted_forms(string? text, string reason)
    {
        Assert.False(BusinessDuration.TryParse(text, out var duration, out var error));
        Assert.Equal(default, duration);
        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains("P{n}WD (werkdagen", error, StringComparison.Ordinal);
        Assert.Contains("PT{n}S (seconds)", error, StringComparison.Ordinal);
        if (text is not null)
        {
            Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_throws_FormatException_with_the_same_message()
    {
        var exception = Assert.Throws<FormatException>(() => BusinessDuration.Parse("P1Y6M"));
        Assert.Contains("only one unit is allowed", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P10W", "10 weken")]
    [InlineData("P1W", "1 week")]
    [InlineData("P5WD", "5 werkdagen")]
    [InlineData("P1WD", "1 werkdag")]
    [InlineData("P6M", "6 maanden")]
    [InlineData("P1M", "1 maand")]
    [InlineData("P1Y", "1 jaar")]
    [InlineData("P3Y", "3 jaar")]
    [InlineData("P1D", "1 dag")]
    [InlineData("P0D", "0 dagen")]
    [InlineData("PT2H", "2 uur")]
    [InlineData("PT1M", "1 minuut")]
    [InlineData("PT30M", "30 minuten")]
    [InlineData("PT1S", "1 seconde")]
    [InlineData("PT45S", "45 seconden")]
    public void Describes_itself_in_Dutch(string text, string dutch)
    {
        Assert.Equal(dutch, BusinessDuration.Parse(text).ToDutch());
    }

    [Fact]
    public void Negative_amount_is_rejected_by_the_constructor()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessDuration.FromDays(-1));
    }

    [Fact]
    public void Time_units_have_a_fixed_length_calendar_units_do_not()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), BusinessDuration.Parse("PT30M").ToTimeSpan());
        Assert.True(BusinessDuration.FromHours(2).IsTimeUnit);
        Assert.False(BusinessDuration.FromMonths(6).IsTimeUnit);
        Assert.Throws<InvalidOperationException>(() => BusinessDuration.FromMonths(6).ToTimeSpan());
    }
}

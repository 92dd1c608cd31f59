using Inburgering.Workflows.Expressions;
using Microsoft.Extensions.Time.Testing;

namespace Inburgering.Workflows.Tests.Expressions;

public sealed class TimeTests
{
    [Fact]
    public void Date_comes_from_the_time_provider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 7, 1, 10, 0, 0, TimeSpan.Zero));
        var evaluator = Evaluators.Create(time: time);

        Assert.Equal("2025-07-01T10:00:00.000Z", evaluator.Evaluate("new Date()", ExpressionScope.Empty)!.GetValue<string>());
        Assert.Equal(1751364000000L, evaluator.Evaluate("Date.now()", ExpressionScope.Empty)!.GetValue<long>());

        time.Advance(TimeSpan.FromDays(30));

        Assert.Equal("2025-07-31T10:00:00.000Z", evaluator.Evaluate("new Date().toISOString()", ExpressionScope.Empty)!.GetValue<string>());
    }

    [Fact]
    public void Local_time_is_amsterdam_by_default()
    {
        var evaluator = Evaluators.Create(time: new FakeTimeProvider(new DateTimeOffset(2025, 7, 1, 10, 0, 0, TimeSpan.Zero)));

        // Summer time: UTC+2.
        Assert.Equal("[12,-120]", evaluator.Evaluate("const d = new Date(); [d.getHours(), d.getTimezoneOffset()]", ExpressionScope.Empty)!.ToJsonString());
    }

    [Fact]
    public void Time_zone_is_configurable()
    {
        var evaluator = Evaluators.Create(
            options => options.TimeZoneId = "America/Paramaribo",
            new FakeTimeProvider(new DateTimeOffset(2025, 7, 1, 10, 0, 0, TimeSpan.Zero)));

        Assert.Equal(7L, evaluator.Evaluate("new Date().getHours()", ExpressionScope.Empty)!.GetValue<long>());
    }

    [Fact]
    public void Deadlines_can_be_computed_from_now()
    {
        var evaluator = Evaluators.Create(time: new FakeTimeProvider(new DateTimeOffset(2025, 7, 1, 10, 0, 0, TimeSpan.Zero)));

        var deadline = evaluator.Evaluate(
            "const d = new Date(); d.setDate(d.getDate() + parameters.herinneringWerkdagen * 2); d", Evaluators.Klant());

        Assert.Equal("2025-07-11T10:00:00.000Z", deadline!.GetValue<string>());
    }
}

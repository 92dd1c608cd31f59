using Inburgering.Workflows.Expressions;

namespace Inburgering.Workflows.Tests.Expressions;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_documented_values()
    {
        var options = new ExpressionOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Timeout);
        Assert.Equal(10_000, options.MaxStatements);
        Assert.Equal(4 * 1024 * 1024, options.MemoryLimitBytes);
        Assert.Equal(64, options.RecursionLimit);
        Assert.Equal("Europe/Amsterdam", options.TimeZoneId);
        Assert.Equal(10_000, options.CacheSize);
    }

    [Fact]
    public void Every_bad_value_is_reported()
    {
        var options = new ExpressionOptions
        {
            Timeout = TimeSpan.Zero,
            MaxStatements = 0,
            MemoryLimitBytes = -1,
            RecursionLimit = 0,
            TimeZoneId = "Europe/Atlantis",
            CacheSize = -5,
        };

        var problems = options.Validate();

        Assert.Equal(6, problems.Count);
        Assert.Contains(problems, problem => problem.StartsWith("TimeZoneId 'Europe/Atlantis'", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluator_refuses_invalid_options()
    {
        var exception = Assert.Throws<ArgumentException>(() => Evaluators.Create(options => options.MaxStatements = -1));

        Assert.Contains("MaxStatements must be positive", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluator_copies_options_so_later_changes_do_not_apply()
    {
        var options = new ExpressionOptions();
        var evaluator = new ExpressionEvaluator(options, TimeProvider.System);

        options.MaxStatements = 1;

        Assert.Equal(3L, evaluator.Evaluate("let a = 1; let b = 2; a + b", ExpressionScope.Empty)!.GetValue<long>());
    }
}

using System.Text.Json.Nodes;
using Inburgering.Workflows.Expressions;

namespace Inburgering.Workflows.Tests.Expressions;

public sealed class GlobalsTests
{
    [Fact]
    public void Extensions_add_values_and_functions()
    {
        var evaluator = Evaluators.Create(globals: new CalendarGlobals());

        Assert.Equal(3L, evaluator.Evaluate("kalender.werkdagenPerWeek - 2", ExpressionScope.Empty)!.GetValue<long>());
        Assert.Equal("2025-07-01|7|null", evaluator.Evaluate("echo(new Date(), 7, undefined)", ExpressionScope.Empty)!.GetValue<string>());
        Assert.Equal("function", evaluator.Evaluate("typeof echo", ExpressionScope.Empty)!.GetValue<string>());
    }

    [Fact]
    public void Host_function_results_are_fresh_copies()
    {
        var evaluator = Evaluators.Create(globals: new CalendarGlobals());

        Assert.Equal(99L, evaluator.Evaluate("kalender.werkdagenPerWeek = 99; kalender.werkdagenPerWeek", ExpressionScope.Empty)!.GetValue<long>());
        Assert.Equal(5L, evaluator.Evaluate("kalender.werkdagenPerWeek", ExpressionScope.Empty)!.GetValue<long>());
    }

    [Fact]
    public void Failing_host_function_is_reported_and_not_catchable_by_the_script()
    {
        var evaluator = Evaluators.Create(globals: new CalendarGlobals());

        var exception = Assert.Throws<ExpressionException>(
            () => evaluator.Evaluate("try { faal() } catch (e) { 'genegeerd' }", ExpressionScope.Empty));

        Assert.Equal(ExpressionErrorKind.HostFunction, exception.Kind);
        Assert.Equal("Host function 'faal' failed: kalender niet beschikbaar", exception.Message);
    }

    [Theory]
    [InlineData("variables")]
    [InlineData("input")]
    [InlineData("")]
    public void Reserved_or_empty_names_are_refused(string name) =>
        Assert.Throws<ArgumentException>(() => Evaluators.Create(globals: new NamedGlobal(name)));

    [Fact]
    public void Duplicate_names_are_refused() =>
        Assert.Throws<ArgumentException>(() => Evaluators.Create(globals: [new NamedGlobal("x"), new NamedGlobal("x")]));

    private sealed class CalendarGlobals : IExpressionGlobals
    {
        public void Register(ExpressionGlobalsBuilder globals) => globals
            .AddValue("kalender", new JsonObject { ["werkdagenPerWeek"] = 5 })
            .AddFunction("echo", arguments => string.Join('|', arguments.Select(a => a is null ? "null" : a.ToString()[..Math.Min(10, a.ToString().Length)])))
            .AddFunction("faal", _ => throw new InvalidOperationException("kalender niet beschikbaar"));
    }

    private sealed class NamedGlobal(string name) : IExpressionGlobals
    {
        public void Register(ExpressionGlobalsBuilder globals) => globals.AddValue(name, 1);
    }
}

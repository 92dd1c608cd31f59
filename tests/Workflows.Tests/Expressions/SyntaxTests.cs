using Inburgering.Workflows.Expressions;

namespace Inburgering.Workflows.Tests.Expressions;

public sealed class SyntaxTests
{
    private readonly ExpressionEvaluator _evaluator = Evaluators.Create();

    [Theory]
    [InlineData("variables.leeftijd >= 18")]
    [InlineData("variables.leerroute === 'B1'")]
    [InlineData("parameters.herinneringWerkdagen * 2")]
    [InlineData("input.uitslag === 'geslaagd' && variables.pogingen < 3")]
    [InlineData("const max = 3;\nvariables.pogingen < max")]
    [InlineData("variables.modules.map(m => m.toLowerCase())")]
    public void Valid_code_has_no_syntax_error(string code) => Assert.Null(_evaluator.CheckSyntax(code));

    [Fact]
    public void Error_has_plain_message_and_one_based_position()
    {
        var error = _evaluator.CheckSyntax("variables.leeftijd >= ;");

        Assert.NotNull(error);
        Assert.Equal("Unexpected token ';'", error.Message);
        Assert.Equal(1, error.Line);
        Assert.Equal(23, error.Column);
    }

    [Fact]
    public void Error_on_a_later_line_reports_that_line()
    {
        var error = _evaluator.CheckSyntax("const a = 1;\nconst b = 2;\n  a +* b");

        Assert.NotNull(error);
        Assert.Equal(3, error.Line);
        Assert.Equal(6, error.Column);
    }

    [Theory]
    [InlineData("with (variables) { leeftijd }")]
    [InlineData("const x = 010; x")]
    [InlineData("let let = 1")]
    public void Strict_mode_errors_are_syntax_errors(string code) => Assert.NotNull(_evaluator.CheckSyntax(code));

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Empty_code_is_a_syntax_error(string code) =>
        Assert.Equal("The expression is empty.", _evaluator.CheckSyntax(code)?.Message);

    [Fact]
    public void Evaluating_invalid_code_throws_a_syntax_expression_exception()
    {
        var exception = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("variables.leeftijd >=", ExpressionScope.Empty));

        Assert.Equal(ExpressionErrorKind.Syntax, exception.Kind);
        Assert.StartsWith("Syntax error: Unexpected end of input", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, exception.Line);
    }
}

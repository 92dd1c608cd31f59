using Inburgering.Workflows.Expressions;

namespace Inburgering.Workflows.Tests.Expressions;

/// <summary>Every limit is broken on purpose; each test also proves the evaluator still works afterwards.</summary>
public sealed class SandboxTests
{
    private readonly ExpressionEvaluator _evaluator = Evaluators.Create();

    [Fact]
    public void Infinite_loop_hits_the_statement_limit()
    {
        AssertFails(_evaluator, "while (true) { }", ExpressionErrorKind.StatementLimit,
            "Statement limit: the expression executed more than 10000 statements.");
    }

    [Fact]
    public void Infinite_loop_without_statement_budget_times_out()
    {
        var evaluator = Evaluators.Create(options =>
        {
            options.MaxStatements = int.MaxValue;
            options.MemoryLimitBytes = long.MaxValue;
            options.Timeout = TimeSpan.FromMilliseconds(200);
        });

        var started = System.Diagnostics.Stopwatch.StartNew();
        AssertFails(evaluator, "let i = 0; while (true) { i++; }", ExpressionErrorKind.Timeout,
            "Timeout: the expression ran longer than 200 ms.");
        Assert.InRange(started.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Deep_recursion_hits_the_recursion_limit()
    {
        AssertFails(_evaluator, "function tel(n) { return tel(n + 1); } tel(0)", ExpressionErrorKind.RecursionLimit,
            "Recursion limit: the expression nested function calls deeper than 64.");
    }

    [Fact]
    public void Recursion_within_the_limit_is_allowed() =>
        Assert.Equal(50L, _evaluator.Evaluate("function tel(n) { return n === 0 ? 0 : 1 + tel(n - 1); } tel(50)", Evaluators.Klant())!.GetValue<long>());

    [Theory]
    [InlineData("let s = 'inburgering'; while (true) { s = s + s; }")]
    [InlineData("const a = []; for (let i = 0; i < 9000; i++) { a.push(new Array(1000).fill(i)); } a.length")]
    [InlineData("const s = 'x'.repeat(50000000); s.length")]
    public void Huge_allocation_hits_the_memory_limit(string code)
    {
        AssertFails(_evaluator, code, ExpressionErrorKind.MemoryLimit,
            "Memory limit: the expression allocated more than 4194304 bytes.");
    }

    [Theory]
    [InlineData("System")]
    [InlineData("importNamespace")]
    [InlineData("clrHelper")]
    [InlineData("host")]
    [InlineData("require")]
    [InlineData("Proxy")]
    public void Clr_and_host_escape_hatches_are_undefined(string name) =>
        Assert.Equal("undefined", _evaluator.Evaluate($"typeof {name}", Evaluators.Klant())!.GetValue<string>());

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("eval('1 + 1')")]
    [InlineData("new Function('return this')()")]
    [InlineData("variables.constructor.constructor('return 1')()")]
    public void Clr_access_and_string_compilation_throw(string code)
    {
        var exception = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(code, Evaluators.Klant()));

        Assert.Equal(ExpressionErrorKind.Runtime, exception.Kind);
    }

    [Fact]
    public void Scope_objects_are_plain_javascript_objects() =>
        Assert.True(_evaluator.EvaluateCondition(
            "Object.getPrototypeOf(variables) === Object.prototype && Array.isArray(variables.modules) && " +
            "Object.prototype.toString.call(variables.adres) === '[object Object]'",
            Evaluators.Klant()));

    [Fact]
    public void Script_catching_an_error_does_not_escape_a_limit()
    {
        AssertFails(_evaluator, "try { while (true) { } } catch (e) { 'ontsnapt' }", ExpressionErrorKind.StatementLimit, null);
    }

    private static void AssertFails(ExpressionEvaluator evaluator, string code, ExpressionErrorKind kind, string? message)
    {
        var exception = Assert.Throws<ExpressionException>(() => evaluator.Evaluate(code, Evaluators.Klant()));

        Assert.Equal(kind, exception.Kind);
        if (message is not null)
        {
            Assert.Equal(message, exception.Message);
        }

        // The process and the evaluator survive: the next evaluation works normally.
        Assert.True(evaluator.EvaluateCondition("variables.leeftijd >= 18", Evaluators.Klant()));
    }
}

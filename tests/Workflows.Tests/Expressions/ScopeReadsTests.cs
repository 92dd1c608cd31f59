using Acornima.Ast;
using Inburgering.Workflows.Expressions;

namespace Inburgering.Workflows.Tests.Expressions;

/// <summary>
/// Only the variables and parameters an expression reads are copied into the sandbox. The analysis may copy too much,
/// never too little: every way of reaching the whole object copies it whole, and the results stay the same.
/// </summary>
public sealed class ScopeReadsTests
{
    private readonly ExpressionEvaluator _evaluator = Evaluators.Create();

    [Theory]
    [InlineData("variables.leeftijd >= parameters.minimumLeeftijd", "leeftijd", "minimumLeeftijd")]
    [InlineData("variables?.adres?.gemeente ?? variables.leerroute", "adres,leerroute", "")]
    [InlineData("`${variables.leerroute}-${variables.pogingen}`", "leerroute,pogingen", "")]
    [InlineData("variables.modules.filter(m => m !== variables.leerroute).length", "leerroute,modules", "")]
    [InlineData("42", "", "")]
    public void Static_member_reads_are_collected(string code, string variables, string parameters)
    {
        var reads = ScopeReads.Of(Parse(code));

        Assert.Equal(Split(variables), reads.Variables!.Order(StringComparer.Ordinal));
        Assert.Equal(Split(parameters), reads.Parameters!.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("variables['leeftijd']")]
    [InlineData("Object.keys(variables).length")]
    [InlineData("const { leeftijd } = variables; leeftijd")]
    [InlineData("const v = variables; v.leeftijd")]
    [InlineData("JSON.stringify(variables)")]
    public void Any_other_use_reads_the_whole_object(string code) => Assert.Null(ScopeReads.Of(Parse(code)).Variables);

    [Theory]
    [InlineData("variables['leeftijd'] + variables.pogingen", 20L)]
    [InlineData("Object.keys(variables).length", 6L)]
    [InlineData("const { leeftijd } = variables; leeftijd", 19L)]
    [InlineData("variables.leeftijd + (variables.bestaatNiet ?? 1)", 20L)]
    public void Results_are_the_same_as_with_everything_copied(string code, long expected) =>
        Assert.Equal(expected, _evaluator.Evaluate(code, Evaluators.Klant())!.GetValue<long>());

    private static Script Parse(string code) => Jint.Engine.PrepareScript(code, strict: true).Program!;

    private static string[] Split(string names) => names.Length == 0 ? [] : names.Split(',');
}

using System.Text.Json.Nodes;
using Inburgering.Workflows.Expressions;

namespace Inburgering.Workflows.Tests.Expressions;

public sealed class EvaluationTests
{
    private readonly ExpressionEvaluator _evaluator = Evaluators.Create();

    [Theory]
    [InlineData("variables.leeftijd >= 18", true)]
    [InlineData("variables.leeftijd >= parameters.minimumLeeftijd", true)]
    [InlineData("variables.leerroute === 'B1'", true)]
    [InlineData("variables.leerroute === 'Z'", false)]
    [InlineData("variables.adres.gemeente === 'Utrecht'", true)]
    [InlineData("variables.modules.includes('KNM')", true)]
    [InlineData("variables.ontheffing", false)]
    [InlineData("variables.bestaatNiet", false)]
    [InlineData("variables.modules.length", true)]
    [InlineData("''", false)]
    [InlineData("0", false)]
    [InlineData("'0'", true)]
    public void Condition_uses_javascript_truthiness(string code, bool expected) =>
        Assert.Equal(expected, _evaluator.EvaluateCondition(code, Evaluators.Klant()));

    [Theory]
    [InlineData("geslaagd", true)]
    [InlineData("gezakt", false)]
    public void Condition_over_input_and_variables(string uitslag, bool expected)
    {
        var scope = Evaluators.Klant(new JsonObject { ["uitslag"] = uitslag });

        Assert.Equal(expected, _evaluator.EvaluateCondition("input.uitslag === 'geslaagd' && variables.pogingen < 3", scope));
    }

    [Fact]
    public void Input_is_null_when_absent() =>
        Assert.True(_evaluator.EvaluateCondition("input === null && input?.uitslag === undefined", Evaluators.Klant()));

    [Fact]
    public void Integral_numbers_become_long_and_others_double()
    {
        var integral = _evaluator.Evaluate("parameters.herinneringWerkdagen * 2", Evaluators.Klant());
        var fraction = _evaluator.Evaluate("variables.leeftijd / 2", Evaluators.Klant());

        Assert.Equal(10L, integral!.GetValue<long>());
        Assert.Equal(9.5d, fraction!.GetValue<double>());
    }

    [Theory]
    [InlineData("'B' + 1", "\"B1\"")]
    [InlineData("true", "true")]
    [InlineData("null", null)]
    [InlineData("undefined", null)]
    [InlineData("[1, 'a', null, [true]]", "[1,\"a\",null,[true]]")]
    [InlineData("({ leerroute: variables.leerroute, modules: variables.modules.length })", "{\"leerroute\":\"B1\",\"modules\":2}")]
    [InlineData("({ a: undefined, f() {}, b: [undefined, () => 1] })", "{\"b\":[null,null]}")]
    [InlineData("new Date(Date.UTC(2025, 0, 31, 12, 30))", "\"2025-01-31T12:30:00.000Z\"")]
    [InlineData("({ ...variables.adres })", "{\"gemeente\":\"Utrecht\",\"postcode\":\"3511AA\"}")]
    public void Results_convert_to_json(string code, string? expectedJson) =>
        Assert.Equal(expectedJson, _evaluator.Evaluate(code, Evaluators.Klant())?.ToJsonString());

    [Theory]
    [InlineData("variables.bestaatNiet * 2")]
    [InlineData("1 / 0")]
    [InlineData("() => 1")]
    [InlineData("Symbol('x')")]
    [InlineData("10n")]
    [InlineData("const o = {}; o.self = o; o")]
    [InlineData("({ get leeftijd() { return 1; } })")]
    [InlineData("new Date(NaN)")]
    public void Results_that_are_not_json_are_invalid(string code)
    {
        var exception = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(code, Evaluators.Klant()));

        Assert.Equal(ExpressionErrorKind.InvalidResult, exception.Kind);
        Assert.StartsWith("Invalid result: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Runtime_error_names_the_javascript_error_and_position()
    {
        var exception = Assert.Throws<ExpressionException>(
            () => _evaluator.Evaluate("variables.adres.huisnummer.toString()", Evaluators.Klant()));

        Assert.Equal(ExpressionErrorKind.Runtime, exception.Kind);
        Assert.StartsWith("Runtime error: TypeError: ", exception.Message, StringComparison.Ordinal);
        Assert.Equal("Runtime error: TypeError: Cannot read property 'toString' of undefined (line 1, column 1)", exception.Message);
        Assert.Equal(1, exception.Line);
    }

    [Fact]
    public void Thrown_errors_keep_their_message()
    {
        var exception = Assert.Throws<ExpressionException>(
            () => _evaluator.Evaluate("throw new RangeError('leerroute onbekend')", Evaluators.Klant()));

        Assert.Equal("Runtime error: RangeError: leerroute onbekend (line 1, column 7)", exception.Message);
    }

    [Fact]
    public void Undeclared_assignment_fails_in_strict_mode()
    {
        var exception = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("resultaat = 1", Evaluators.Klant()));

        Assert.Contains("ReferenceError", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scripts_cannot_change_the_callers_data()
    {
        var scope = Evaluators.Klant(new JsonObject { ["uitslag"] = "gezakt" });
        var before = Snapshot(scope);

        var result = _evaluator.Evaluate(
            "variables.leeftijd = 99; variables.adres.gemeente = 'Ede'; variables.modules.push('X'); " +
            "delete variables.leerroute; parameters.minimumLeeftijd = 0; input.uitslag = 'geslaagd'; variables.leeftijd",
            scope);

        Assert.Equal(99L, result!.GetValue<long>());
        Assert.Equal(before, Snapshot(scope));
        Assert.False(_evaluator.EvaluateCondition("variables.leeftijd === 99", scope));
    }

    [Fact]
    public void Proto_keys_stay_plain_data()
    {
        var scope = new ExpressionScope { Variables = new Dictionary<string, JsonNode?> { ["__proto__"] = new JsonObject { ["x"] = 1 } } };

        Assert.Equal("{\"x\":1}", _evaluator.Evaluate("variables['__proto__']", scope)!.ToJsonString());
        Assert.True(_evaluator.EvaluateCondition("variables.x === undefined", scope));
    }

    [Fact]
    public void Json_values_built_from_clr_types_are_read()
    {
        var scope = new ExpressionScope
        {
            Variables = new Dictionary<string, JsonNode?>
            {
                ["geboren"] = JsonValue.Create(new DateTime(2006, 5, 1, 0, 0, 0, DateTimeKind.Utc)),
                ["bedrag"] = JsonValue.Create(12.5m),
                ["parsed"] = JsonNode.Parse("{\"n\": 3}"),
            },
        };

        var result = _evaluator.Evaluate("[typeof variables.geboren, variables.bedrag * 2, variables.parsed.n + 1]", scope);

        Assert.Equal("[\"string\",25,4]", result!.ToJsonString());
    }

    private static string Snapshot(ExpressionScope scope) =>
        new JsonObject
        {
            ["variables"] = new JsonObject(scope.Variables.Select(pair => KeyValuePair.Create(pair.Key, pair.Value?.DeepClone()))),
            ["parameters"] = new JsonObject(scope.Parameters.Select(pair => KeyValuePair.Create(pair.Key, pair.Value?.DeepClone()))),
            ["input"] = scope.Input?.DeepClone(),
        }.ToJsonString();
}

using System.Text.Json.Nodes;
using Inburgering.Workflows.Expressions;

namespace Inburgering.Workflows.Tests.Expressions;

/// <summary>
/// <c>variables.x</c> and <c>parameters.x</c> are answered without a sandbox; the answer must be exactly the sandbox's.
/// <c>[variables.x][0]</c> and <c>!!variables.x</c> read the same value through the sandbox, for comparison.
/// </summary>
public sealed class DirectReadTests
{
    public static TheoryData<string, JsonNode?> Values => new()
    {
        { "integer", JsonValue.Create(12) },
        { "whole double", JsonNode.Parse("12.0") },
        { "fraction", JsonValue.Create(12.5) },
        { "negative zero", JsonNode.Parse("-0") },
        { "large", JsonNode.Parse("1e20") },
        { "beyond safe integers", JsonNode.Parse("9007199254740993") },
        { "text", JsonValue.Create("P5WD") },
        { "empty text", JsonValue.Create("") },
        { "zero text", JsonValue.Create("0") },
        { "a CLR date", JsonValue.Create(new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc)) },
        { "true", JsonValue.Create(true) },
        { "false", JsonValue.Create(false) },
        { "null", null },
        { "array", new JsonArray("P5WD", "P1WD") },
        { "empty array", new JsonArray() },
        { "object", JsonNode.Parse("""{"b":1,"a":[1,2.5,{"c":null}],"d":"x"}""") },
        { "empty object", new JsonObject() },
        { "object with index keys (JavaScript reorders them)", JsonNode.Parse("""{"b":1,"2":"twee","1":"een"}""") },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_plain_read_gives_what_the_sandbox_gives(string what, JsonNode? value)
    {
        var evaluator = Evaluators.Create();
        var scope = new ExpressionScope
        {
            Variables = new Dictionary<string, JsonNode?> { ["x"] = value?.DeepClone() },
            Parameters = new Dictionary<string, JsonNode?> { ["p"] = value?.DeepClone() },
        };

        var sandbox = evaluator.Evaluate("[variables.x][0]", scope);

        Assert.True(JsonNode.DeepEquals(sandbox, evaluator.Evaluate("variables.x", scope)), what);
        Assert.True(JsonNode.DeepEquals(sandbox, evaluator.Evaluate("parameters.p;", scope)), what);
        Assert.Equal(sandbox?.ToJsonString(), evaluator.Evaluate("variables.x", scope)?.ToJsonString()); // key order too
        Assert.Equal(evaluator.EvaluateCondition("!!variables.x", scope), evaluator.EvaluateCondition("variables.x", scope));
        Assert.Equal(!what.Contains("index keys", StringComparison.Ordinal), new DirectRead.Name("variables", "x").TryRead(scope, out _)); // read directly, or left to the sandbox
    }

    [Theory]
    [InlineData("input.datum", "[input.datum][0]")]
    [InlineData("input.ontbreekt ?? null", "[input.ontbreekt][0] ?? null")]
    [InlineData("input.ontbreekt ?? variables.x", "[input.ontbreekt][0] ?? variables.x")]
    [InlineData("input.leeg ?? variables.x", "[input.leeg][0] ?? variables.x")]
    [InlineData("input.datum ?? variables.x", "[input.datum][0] ?? variables.x")]
    [InlineData("variables.x ?? 'standaard'", "[variables.x][0] ?? 'standaard'")]
    [InlineData("true", "[true][0]")]
    [InlineData("null", "[null][0]")]
    [InlineData("12.0", "[12.0][0]")]
    [InlineData("0.5", "[0.5][0]")]
    [InlineData("'P5WD' ?? null", "['P5WD'][0]")]
    public void Reads_of_input_literals_and_coalescing_give_what_the_sandbox_gives(string direct, string sandboxed)
    {
        var evaluator = Evaluators.Create();
        var scope = new ExpressionScope
        {
            Variables = new Dictionary<string, JsonNode?> { ["x"] = 7 },
            Input = JsonNode.Parse("""{"datum":"2027-03-01","leeg":null}"""),
        };

        Assert.NotNull(DirectRead.Of(Jint.Engine.PrepareScript(direct, strict: true).Program!));
        Assert.Equal(evaluator.Evaluate(sandboxed, scope)?.ToJsonString(), evaluator.Evaluate(direct, scope)?.ToJsonString());
        Assert.Equal(evaluator.EvaluateCondition("!!(" + sandboxed + ")", scope), evaluator.EvaluateCondition(direct, scope));
    }

    [Fact]
    public void Input_that_is_not_an_object_and_inherited_names_are_left_to_the_sandbox()
    {
        var evaluator = Evaluators.Create();
        var noInput = ExpressionScope.Empty;

        Assert.False(new DirectRead.Name("input", "datum").TryRead(noInput, out _));
        Assert.Throws<ExpressionException>(() => evaluator.Evaluate("input.datum", noInput)); // null.datum, as before
        Assert.Null(DirectRead.Of(Jint.Engine.PrepareScript("variables.constructor", strict: true).Program!));
        Assert.Throws<ExpressionException>(() => evaluator.Evaluate("variables.constructor", noInput)); // a function is no data value
    }

    [Fact]
    public void A_missing_name_is_null_and_false_as_in_the_sandbox()
    {
        var evaluator = Evaluators.Create();

        Assert.Null(evaluator.Evaluate("variables.nietGezet", ExpressionScope.Empty));
        Assert.False(evaluator.EvaluateCondition("parameters.nietGezet", ExpressionScope.Empty));
    }

    [Fact]
    public void The_caller_s_value_is_copied_not_shared()
    {
        var evaluator = Evaluators.Create();
        var list = new JsonArray("P5WD");
        var scope = new ExpressionScope { Variables = new Dictionary<string, JsonNode?> { ["x"] = list } };

        var read = evaluator.Evaluate("variables.x", scope)!.AsArray();
        read.Add("P1WD");

        Assert.Single(list);
    }

    [Theory]
    [InlineData("variables.x")]
    [InlineData("parameters.termijn")]
    [InlineData("variables.x;")]
    public void Only_a_lone_read_of_a_name_is_direct(string code) =>
        Assert.NotNull(DirectRead.Of(Jint.Engine.PrepareScript(code, strict: true).Program!));

    [Theory]
    [InlineData("variables.x.y")]
    [InlineData("variables['x']")]
    [InlineData("variables?.x")]
    [InlineData("input.x.y")]
    [InlineData("-1")]
    [InlineData("variables.x ?? input.x.y")]
    [InlineData("variables.x; variables.y")]
    [InlineData("variables.x + 1")]
    public void Anything_more_goes_to_the_sandbox(string code) =>
        Assert.Null(DirectRead.Of(Jint.Engine.PrepareScript(code, strict: true).Program!));
}

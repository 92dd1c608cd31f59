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
        Assert.Equal(!what.Contains("index keys", StringComparison.Ordinal), new DirectRead("variables", "x").TryRead(scope, out _)); // read directly, or left to the sandbox
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
    [InlineData("input.x")]
    [InlineData("variables.x; variables.y")]
    [InlineData("variables.x + 1")]
    public void Anything_more_goes_to_the_sandbox(string code) =>
        Assert.Null(DirectRead.Of(Jint.Engine.PrepareScript(code, strict: true).Program!));
}

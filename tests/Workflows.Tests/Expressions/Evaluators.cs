using System.Text.Json.Nodes;
using Inburgering.Workflows.Expressions;
using Microsoft.Extensions.Time.Testing;

namespace Inburgering.Workflows.Tests.Expressions;

/// <summary>Builds evaluators and scopes for the expression tests; the clock is always fake.</summary>
internal static class Evaluators
{
    public static readonly DateTimeOffset Now = new(2025, 7, 1, 10, 0, 0, TimeSpan.Zero);

    public static ExpressionEvaluator Create(
        Action<ExpressionOptions>? configure = null, TimeProvider? time = null, params IExpressionGlobals[] globals)
    {
        var options = new ExpressionOptions();
        configure?.Invoke(options);
        return new ExpressionEvaluator(options, time ?? new FakeTimeProvider(Now), globals);
    }

    /// <summary>A klant in leerroute B1, 19 years old, with one exam attempt so far.</summary>
    public static ExpressionScope Klant(JsonNode? input = null) => new()
    {
        Variables = new Dictionary<string, JsonNode?>
        {
            ["leeftijd"] = 19,
            ["leerroute"] = "B1",
            ["pogingen"] = 1,
            ["adres"] = new JsonObject { ["gemeente"] = "Utrecht", ["postcode"] = "3511AA" },
            ["modules"] = new JsonArray("KNM", "ONA"),
            ["ontheffing"] = null,
        },
        Parameters = new Dictionary<string, JsonNode?>
        {
            ["herinneringWerkdagen"] = 5,
            ["minimumLeeftijd"] = 18,
        },
        Input = input,
    };
}

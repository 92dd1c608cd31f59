using System.Text.Json.Nodes;
using Inburgering.Activities.Control;
using Inburgering.Activities.Events;
using Inburgering.Testing;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Definitions.Validation;
using Inburgering.Workflows.Expressions;
using Microsoft.Extensions.Time.Testing;
using static Inburgering.Workflows.Definitions.DefinitionErrorCodes;

namespace Inburgering.Workflows.Tests.Definitions.Validation;

/// <summary>
/// Every rule fails on a definition with exactly that fault: each test takes a valid baseline, introduces one fault,
/// and expects exactly one error, with that code and path.
/// </summary>
public sealed class DefinitionValidatorTests
{
    private static readonly BusinessCalendar Calendar = new(new CalendarOptions());

    private readonly DefinitionValidator _validator = new(
        new ActivityRegistry([new Start(), new Finish(), new Decision(), new Switch(), new Fork(), new Join(), new SetVariable(), new WaitForEvent(Calendar), new ProbeActivity()]),
        new ExpressionEvaluator(new ExpressionOptions(), new FakeTimeProvider()));

    /// <summary>Start → wait for an event → decide → probe → end / end, with a variable.</summary>
    private static JsonObject Baseline() => new DefinitionBuilder("basis")
        .Variable("leerroute", "text", "B1")
        .Parameter("weken", "number", 10)
        .Activity("start", "Start")
        .Activity("wacht", "WaitForEvent", new { @event = "DuoKennisgeving", assign = new { leerroute = "input.route" } })
        .Activity("keuze", "Decision", new { condition = "variables.leerroute === 'B1'" })
        .Activity("probe", "Probe", new { termijn = "P10W", datum = "2026-03-01", aantal = 3 })
        .Activity("einde-ja", "End")
        .Activity("einde-nee", "End")
        .Connect("start", "Verder", "wacht")
        .Connect("wacht", "Ontvangen", "keuze")
        .Connect("keuze", "Ja", "probe")
        .Connect("probe", "Verder", "einde-ja")
        .Connect("keuze", "Nee", "einde-nee")
        .ToNode();

    [Fact]
    public void The_baseline_is_valid() => Assert.Empty(_validator.Validate(Baseline().ToJsonString()).Errors);

    [Fact]
    public void Malformed_json_is_reported_with_its_position() =>
        AssertSingle("{ \"id\": \"x\",\n \"activities\": [ }", MalformedJson, "$", "at line 2, position");

    [Fact]
    public void An_unknown_property_is_a_structural_error() =>
        AssertSingle(Mutate(d => d["activites"] = new JsonArray()), InvalidStructure, "$.activites");

    [Fact]
    public void Unknown_activity_type() =>
        AssertSingle(Mutate(d => Activity(d, "probe")["type"] = "Probeer"), UnknownActivityType, "$.activities[3].type", "Probe");

    [Fact]
    public void Duplicate_key() =>
        AssertSingle(Mutate(d => Activities(d).Add(new JsonObject { ["key"] = "einde-ja", ["type"] = "End" })), DuplicateKey, "$.activities[6].key");

    [Fact]
    public void Invalid_key() =>
        AssertSingle(Mutate(d => Activities(d).Add(new JsonObject { ["key"] = "Einde Nee", ["type"] = "End" })), InvalidKey, "$.activities[6].key", expectAlso: UnreachableActivity);

    [Fact]
    public void Connection_from_a_missing_activity() =>
        AssertSingle(Mutate(d => Connections(d).Add(Conn("spook", "Verder", "einde-ja"))), UnknownConnectionSource, "$.connections[5].from");

    [Fact]
    public void Connection_to_a_missing_activity() =>
        AssertSingle(Mutate(d => Connections(d)[3]!["to"] = "nergens"), UnknownConnectionTarget, "$.connections[3].to", expectAlso: UnreachableActivity);

    [Fact]
    public void Connection_from_a_missing_port() =>
        AssertSingle(Mutate(d => Connections(d).Add(Conn("keuze", "Misschien", "einde-ja"))), UnknownOutcome, "$.connections[5].outcome", "Ja, Nee");

    [Fact]
    public void Duplicate_connection() =>
        AssertSingle(Mutate(d => Connections(d).Add(Conn("probe", "Verder", "einde-ja"))), DuplicateConnection, "$.connections[5]");

    [Fact]
    public void A_required_input_missing() =>
        AssertSingle(Mutate(d => Activity(d, "keuze")["inputs"] = new JsonObject()), MissingInput, "$.activities[2].inputs", "condition");

    [Fact]
    public void An_input_the_type_does_not_have() =>
        AssertSingle(Mutate(d => Inputs(d, "probe")["termijnn"] = "P1W"), UnknownInput, "$.activities[3].inputs.termijnn");

    [Fact]
    public void An_input_of_the_wrong_type() =>
        AssertSingle(Mutate(d => Inputs(d, "probe")["aantal"] = "drie"), InvalidInputType, "$.activities[3].inputs.aantal", "a number");

    [Fact]
    public void An_unreachable_activity() =>
        AssertSingle(Mutate(d => Activities(d).Add(new JsonObject { ["key"] = "vergeten", ["type"] = "End" })), UnreachableActivity, "$.activities[6]", "vergeten");

    [Fact]
    public void No_start() =>
        AssertSingle(new DefinitionBuilder("zonder-start").Activity("einde", "End").ToJson(), NoStart, "$.activities");

    [Fact]
    public void A_second_start() =>
        AssertSingle(Mutate(d =>
        {
            Activities(d).Add(new JsonObject { ["key"] = "start-2", ["type"] = "Start" });
            Connections(d).Add(Conn("start-2", "Verder", "einde-nee"));
        }), MultipleStarts, "$.activities[6]");

    [Fact]
    public void An_outcome_left_unconnected_where_the_activity_needs_it() =>
        AssertSingle(Mutate(d => Connections(d).RemoveAt(4)), UnconnectedOutcome, "$.activities[2]", "'Nee'", expectAlso: UnreachableActivity);

    [Fact]
    public void A_cycle_that_never_waits() =>
        AssertSingle(Mutate(d => Connections(d)[3]!["to"] = "keuze"), EndlessCycle, "$.activities[2]", "keuze → probe", expectAlso: UnreachableActivity);

    [Fact]
    public void A_cycle_through_a_wait_is_fine() =>
        Assert.DoesNotContain(_validator.Validate(Mutate(d => Connections(d)[3]!["to"] = "wacht")).Errors, e => e.Code == EndlessCycle);

    [Theory]
    [InlineData("10 weken")]
    [InlineData("P10X")]
    [InlineData("P-1D")]
    public void An_invalid_duration(string duration) =>
        AssertSingle(Mutate(d => Inputs(d, "probe")["termijn"] = duration), InvalidDuration, "$.activities[3].inputs.termijn", "P10W");

    [Fact]
    public void An_invalid_date() =>
        AssertSingle(Mutate(d => Inputs(d, "probe")["datum"] = "31-02-2026"), InvalidDate, "$.activities[3].inputs.datum");

    [Fact]
    public void An_expression_that_does_not_parse() =>
        AssertSingle(Mutate(d => Inputs(d, "keuze")["condition"] = "variables.leerroute === "), ExpressionSyntax, "$.activities[2].inputs.condition");

    [Fact]
    public void A_computed_input_whose_expression_does_not_parse() =>
        AssertSingle(Mutate(d => Inputs(d, "probe")["aantal"] = new JsonObject { ["expression"] = "parameters.weken *" }), ExpressionSyntax, "$.activities[3].inputs.aantal.expression");

    [Fact]
    public void A_variable_declared_twice() =>
        AssertSingle(Mutate(d => d["variables"]!.AsArray().Add(new JsonObject { ["name"] = "leerroute", ["type"] = "text" })), DuplicateVariable, "$.variables[1].name");

    [Fact]
    public void An_assignment_to_an_undeclared_variable() =>
        AssertSingle(Mutate(d => Inputs(d, "wacht")["assign"] = new JsonObject { ["route"] = "input.route" }), UnknownVariable, "$.activities[1].inputs.assign.route");

    [Fact]
    public void A_default_of_the_wrong_type() =>
        AssertSingle(Mutate(d => d["parameters"]![0]!["default"] = "tien"), InvalidDefault, "$.parameters[0].default");

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var errors = _validator.Validate(Mutate(d =>
        {
            Activity(d, "probe")["type"] = "Probeer";
            Inputs(d, "keuze")["condition"] = "(";
            Connections(d).Add(Conn("spook", "Verder", "einde-ja"));
        })).Errors;

        Assert.Equal([ExpressionSyntax, UnknownActivityType, UnknownConnectionSource], errors.Select(e => e.Code).Order(StringComparer.Ordinal));
    }

    private void AssertSingle(string json, string code, string path, string? messageContains = null, string? expectAlso = null)
    {
        var errors = _validator.Validate(json).Errors.Where(e => e.Code != expectAlso).ToList();
        var error = Assert.Single(errors);
        Assert.Equal((code, path), (error.Code, error.Path));
        if (messageContains is not null)
        {
            Assert.Contains(messageContains, error.Message, StringComparison.Ordinal);
        }
    }

    private static string Mutate(Action<JsonObject> change)
    {
        var definition = Baseline();
        change(definition);
        return definition.ToJsonString();
    }

    private static JsonArray Activities(JsonObject d) => d["activities"]!.AsArray();

    private static JsonArray Connections(JsonObject d) => d["connections"]!.AsArray();

    private static JsonObject Activity(JsonObject d, string key) => Activities(d).Single(a => a!["key"]!.GetValue<string>() == key)!.AsObject();

    private static JsonObject Inputs(JsonObject d, string key) => Activity(d, key)["inputs"]!.AsObject();

    private static JsonObject Conn(string from, string outcome, string to) => new() { ["from"] = from, ["outcome"] = outcome, ["to"] = to };
}

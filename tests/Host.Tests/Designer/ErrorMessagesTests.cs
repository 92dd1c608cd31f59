using Inburgering.Host.Components.Designer;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Definitions.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Host.Tests.Designer;

/// <summary>
/// The designer words the validator's errors in Dutch: each case is a definition with one fault, validated by the real
/// validator, and its Dutch text must name the problem without the validator's English.
/// </summary>
public sealed class ErrorMessagesTests
{
    private const string Start = """{ "key": "start", "type": "Start" }""";
    private const string End = """{ "key": "einde", "type": "End" }""";

    public static TheoryData<string, string, string> Faults => new()
    {
        {
            Doc($$"""{{Start}}, { "key": "wacht", "type": "Delay", "inputs": { "duration": "P10X" } }, {{End}}""", Chain("start", "wacht", "einde")),
            DefinitionErrorCodes.InvalidDuration, "Ongeldige duur 'P10X': schrijf bijvoorbeeld P10W"
        },
        {
            Doc($$"""{{Start}}, { "key": "Brede Intake", "type": "End" }""", """{ "from": "start", "outcome": "Verder", "to": "Brede Intake" }"""),
            DefinitionErrorCodes.InvalidKey, "Ongeldige sleutel 'Brede Intake': gebruik kleine letters"
        },
        {
            Doc($$"""{{Start}}, {{End}}""", """{ "from": "start", "outcome": "Verder", "to": "nergens" }"""),
            DefinitionErrorCodes.UnknownConnectionTarget, "De verbinding gaat naar 'nergens', maar er is geen stap met die sleutel."
        },
        {
            Doc($$"""{{Start}}, {{End}}""", """{ "from": "start", "outcome": "Misschien", "to": "einde" }, { "from": "start", "outcome": "Verder", "to": "einde" }"""),
            DefinitionErrorCodes.UnknownOutcome, "Stap 'start' heeft geen uitgang 'Misschien'; de uitgangen zijn: Verder"
        },
        {
            Doc($$"""{{Start}}, { "key": "a", "type": "SetVariable", "inputs": { "variable": "teller", "value": "1" } }, { "key": "b", "type": "SetVariable", "inputs": { "variable": "teller", "value": "2" } }""",
                Chain("start", "a", "b") + """, { "from": "b", "outcome": "Verder", "to": "a" }""", variables: """[{ "name": "teller", "type": "number" }]"""),
            DefinitionErrorCodes.EndlessCycle, "Deze stappen vormen een lus waarin niets wacht"
        },
        {
            Doc($$"""{ "key": "start", "type": "Start", "inputs": { "kleur": "rood" } }, {{End}}""", Chain("start", "einde")),
            DefinitionErrorCodes.UnknownInput, "Dit soort stap kent het veld 'kleur' niet"
        },
        {
            Doc($$"""{{Start}}, { "key": "keuze", "type": "Decision", "inputs": { "condition": "variables.teller ===" } }, {{End}}, { "key": "einde-2", "type": "End" }""",
                Chain("start", "keuze") + """, { "from": "keuze", "outcome": "Ja", "to": "einde" }, { "from": "keuze", "outcome": "Nee", "to": "einde-2" }""",
                variables: """[{ "name": "teller", "type": "number" }]"""),
            DefinitionErrorCodes.ExpressionSyntax, "Fout in expressie: "
        },
        { "{ \"id\": ", DefinitionErrorCodes.MalformedJson, "Het document is geen leesbare JSON: " },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void A_fault_is_named_in_Dutch(string json, string code, string dutch)
    {
        using var services = DesignerServices.Build();
        var result = services.GetRequiredService<DefinitionValidator>().Validate(json);

        var error = Assert.Single(result.Errors, e => e.Code == code);
        var text = ErrorMessages.Dutch(error);
        Assert.Contains(dutch, text, StringComparison.Ordinal);
        foreach (var english in new[] { " is not ", " must ", " has no ", "The connection", "These activities", "cannot be read", "does not parse" })
        {
            Assert.DoesNotContain(english, text, StringComparison.Ordinal);
        }
    }

    private static string Doc(string activities, string connections, string variables = "[]") =>
        $$"""{ "id": "fout", "name": "Fout", "variables": {{variables}}, "activities": [{{activities}}], "connections": [{{connections}}] }""";

    private static string Chain(params string[] keys) =>
        string.Join(", ", keys.Zip(keys.Skip(1), (from, to) => $$"""{ "from": "{{from}}", "outcome": "Verder", "to": "{{to}}" }"""));
}

using System.Text.RegularExpressions;
using Inburgering.Workflows.Definitions;

namespace Inburgering.Host.Components.Designer;

/// <summary>
/// Dutch wording of the validator's errors for coordinators. The validator speaks English for the API and the command
/// line (its audience is technical); the designer names the problem in Dutch by its stable code, with the names quoted in
/// the original message; only what it cannot reword (a form's detail, the expression parser's own words) stays in the
/// original text.
/// </summary>
public static partial class ErrorMessages
{
    public static string Dutch(DefinitionError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var names = Quoted().Matches(error.Message).Select(m => m.Groups[1].Value).ToList();
        string Name(int i) => i < names.Count ? $"'{names[i]}'" : "";
        return error.Code switch
        {
            DefinitionErrorCodes.UnconnectedOutcome => $"Uitgang {Name(0)} is niet verbonden: verbind hem met de volgende stap.",
            DefinitionErrorCodes.MissingInput => $"Verplicht veld '{DisplayName(error.Message) ?? Name(1).Trim('\'')}' is niet ingevuld.",
            DefinitionErrorCodes.UnreachableActivity => $"Stap {Name(0)} is niet bereikbaar vanaf de start.",
            DefinitionErrorCodes.NoStart => "De werkstroom heeft geen startstap.",
            DefinitionErrorCodes.MultipleStarts => "De werkstroom heeft meer dan één startstap.",
            DefinitionErrorCodes.UnknownActivityType => $"Onbekend soort stap {Name(0)}.",
            DefinitionErrorCodes.DuplicateKey => $"Sleutel {Name(0)} komt meer dan eens voor.",
            DefinitionErrorCodes.InvalidKey => names.Count > 0 && !error.Message.Contains("differs", StringComparison.Ordinal)
                ? $"Ongeldige sleutel {Name(0)}: gebruik kleine letters, cijfers en streepjes, te beginnen met een letter of cijfer (hoogstens {Keys.MaxLength} tekens)."
                : names.Count > 1 ? $"Het id {Name(0)} in het document verschilt van {Name(1)} in het adres." : "Ongeldige sleutel: gebruik kleine letters, cijfers en streepjes, bijvoorbeeld brede-intake.",
            DefinitionErrorCodes.UnknownConnectionSource => $"De verbinding begint bij {Name(0)}, maar er is geen stap met die sleutel.",
            DefinitionErrorCodes.UnknownConnectionTarget => $"De verbinding gaat naar {Name(0)}, maar er is geen stap met die sleutel.",
            DefinitionErrorCodes.UnknownOutcome => $"Stap {Name(0)} heeft geen uitgang {Name(1)}; de uitgangen zijn: {AfterColon(error.Message)}",
            DefinitionErrorCodes.DuplicateConnection => "Deze verbinding bestaat al.",
            DefinitionErrorCodes.EndlessCycle => $"Deze stappen vormen een lus waarin niets wacht, zodat hij eindeloos kan doorlopen: {Loop(error.Message)}. Zet er een stap in die wacht (een gebeurtenis, een taak of een datum).",
            DefinitionErrorCodes.InvalidDuration => names.Count > 0
                ? $"Ongeldige duur {Name(0)}: schrijf bijvoorbeeld P10W (10 weken), P5WD (5 werkdagen), P6M (6 maanden) of P1Y (1 jaar)."
                : "Een termijn telt in dagen, weken, maanden, jaren of werkdagen, niet in uren.",
            DefinitionErrorCodes.InvalidDate => $"Ongeldige datum {Name(0)}: schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2027-01-04.",
            DefinitionErrorCodes.ExpressionSyntax => $"Fout in expressie: {AfterColon(error.Message)}",
            DefinitionErrorCodes.UnknownOrganisation => $"Onbekende partnerorganisatie {Name(0)}.",
            DefinitionErrorCodes.SensitiveVariableShared => $"Gevoelige variabele {Name(0)} mag niet met een partner gedeeld worden (BSN, gezondheid).",
            DefinitionErrorCodes.InvalidForm => $"Uitkomstformulier klopt niet: {error.Message}",
            DefinitionErrorCodes.InvalidInputType when error.Message.Contains("is not allowed for", StringComparison.Ordinal) =>
                $"{Name(0)} is niet toegestaan voor {Name(1)}; kies uit: {AfterColon(error.Message)}",
            DefinitionErrorCodes.InvalidInputType when error.Message.Contains("cannot be computed", StringComparison.Ordinal) =>
                $"Veld {Name(0)} kan niet met een expressie berekend worden; vul een vaste waarde in.",
            DefinitionErrorCodes.InvalidInputType => $"Verkeerd soort waarde: {error.Message}",
            DefinitionErrorCodes.UnknownVariable => $"Onbekende variabele {Name(0)}: declareer hem onder Werkstroom › Variabelen.",
            DefinitionErrorCodes.DuplicateVariable => $"Variabele of parameter {Name(0)} komt meer dan eens voor.",
            DefinitionErrorCodes.UnknownInput => $"Dit soort stap kent het veld {Name(0)} niet; de velden zijn: {AfterColon(error.Message)}",
            DefinitionErrorCodes.InvalidDefault when error.Message.Contains("needs a default", StringComparison.Ordinal) =>
                $"Parameter {Name(0)} heeft een standaardwaarde nodig: die geldt tot een gemeente hem wijzigt.",
            DefinitionErrorCodes.InvalidDefault => $"De standaardwaarde van {Name(0)} past niet bij het type: {AfterColon(error.Message)}",
            DefinitionErrorCodes.MalformedJson => $"Het document is geen leesbare JSON: {AfterColon(error.Message)}",
            DefinitionErrorCodes.InvalidStructure => $"Het document is niet goed opgebouwd: {error.Message}",
            _ => error.Message,
        };
    }

    /// <summary>The part after the first ": " (a list or the parser's own words), or the whole message without one.</summary>
    private static string AfterColon(string message) => message.IndexOf(": ", StringComparison.Ordinal) is var i and >= 0 ? message[(i + 2)..] : message;

    /// <summary>"a → b → a" from the cycle message, between its colon and its full stop.</summary>
    private static string Loop(string message)
    {
        var loop = AfterColon(message);
        return loop.IndexOf(". ", StringComparison.Ordinal) is var end and >= 0 ? loop[..end] : loop.TrimEnd('.');
    }

    // "… needs the input 'organisation' (Organisatie)." names the field as the property panel shows it.
    private static string? DisplayName(string message) => Parenthesised().Match(message) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"\(([^()]+)\)\.$")]
    private static partial Regex Parenthesised();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}

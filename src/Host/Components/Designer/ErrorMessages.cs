using System.Text.RegularExpressions;
using Inburgering.Workflows.Definitions;

namespace Inburgering.Host.Components.Designer;

/// <summary>
/// Dutch wording of the validator's errors for coordinators. The validator speaks English for the API and the command
/// line (its audience is technical); the designer names the problem in Dutch by its stable code, with the names quoted in
/// the original message, and falls back to the original text for details it does not reword.
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
            DefinitionErrorCodes.InvalidKey => $"Ongeldige sleutel: gebruik kleine letters, cijfers en streepjes. ({error.Message})",
            DefinitionErrorCodes.UnknownConnectionSource or DefinitionErrorCodes.UnknownConnectionTarget => $"Verbinding met een stap die niet bestaat: {error.Message}",
            DefinitionErrorCodes.UnknownOutcome => $"Verbinding vanaf een uitgang die de stap niet heeft: {error.Message}",
            DefinitionErrorCodes.DuplicateConnection => "Deze verbinding bestaat al.",
            DefinitionErrorCodes.EndlessCycle => $"Een lus zonder wachtmoment kan eindeloos doorlopen: {error.Message}",
            DefinitionErrorCodes.InvalidDuration => $"Ongeldige duur (bijvoorbeeld P10W, P5WD, P6M): {error.Message}",
            DefinitionErrorCodes.InvalidDate => $"Ongeldige datum (JJJJ-MM-DD): {error.Message}",
            DefinitionErrorCodes.ExpressionSyntax => $"Fout in expressie: {error.Message}",
            DefinitionErrorCodes.UnknownOrganisation => $"Onbekende partnerorganisatie {Name(0)}.",
            DefinitionErrorCodes.SensitiveVariableShared => $"Gevoelige variabele {Name(0)} mag niet met een partner gedeeld worden (BSN, gezondheid).",
            DefinitionErrorCodes.InvalidForm => $"Uitkomstformulier klopt niet: {error.Message}",
            DefinitionErrorCodes.InvalidInputType => $"Verkeerd soort waarde: {error.Message}",
            DefinitionErrorCodes.UnknownVariable => $"Onbekende variabele {Name(0)}: declareer hem onder Werkstroom › Variabelen.",
            DefinitionErrorCodes.DuplicateVariable => $"Variabele of parameter {Name(0)} komt meer dan eens voor.",
            _ => error.Message,
        };
    }

    // "… needs the input 'organisation' (Organisatie)." names the field as the property panel shows it.
    private static string? DisplayName(string message) => Parenthesised().Match(message) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"\(([^()]+)\)\.$")]
    private static partial Regex Parenthesised();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}

namespace Inburgering.Workflows.Definitions;

/// <summary>The codes of every validation rule; each has a unit test that triggers exactly it.</summary>
public static class DefinitionErrorCodes
{
    public const string MalformedJson = "malformed-json";
    public const string InvalidStructure = "invalid-structure";
    public const string UnknownActivityType = "unknown-activity-type";
    public const string DuplicateKey = "duplicate-key";
    public const string InvalidKey = "invalid-key";
    public const string UnknownConnectionSource = "unknown-connection-source";
    public const string UnknownConnectionTarget = "unknown-connection-target";
    public const string UnknownOutcome = "unknown-outcome";
    public const string DuplicateConnection = "duplicate-connection";
    public const string MissingInput = "missing-input";
    public const string UnknownInput = "unknown-input";
    public const string InvalidInputType = "invalid-input-type";
    public const string UnreachableActivity = "unreachable-activity";
    public const string NoStart = "no-start";
    public const string MultipleStarts = "multiple-starts";
    public const string UnconnectedOutcome = "unconnected-outcome";
    public const string EndlessCycle = "endless-cycle";
    public const string InvalidDuration = "invalid-duration";
    public const string InvalidDate = "invalid-date";
    public const string ExpressionSyntax = "expression-syntax";
    public const string DuplicateVariable = "duplicate-variable";
    public const string UnknownVariable = "unknown-variable";
    public const string InvalidDefault = "invalid-default";
    public const string UnknownOrganisation = "unknown-organisation";
    public const string InvalidForm = "invalid-form";
    public const string SensitiveVariableShared = "sensitive-variable-shared";
}

namespace Inburgering.Workflows.Definitions.Validation;

/// <summary>Variables and parameters: unique names, defaults of the declared type.</summary>
internal static class DeclarationRules
{
    public static void Check(ValidationContext ctx)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in ctx.Model.Variables)
        {
            var path = ctx.PathOf(variable);
            if (!seen.Add(variable.Name))
            {
                ctx.Add($"{path}.name", DefinitionErrorCodes.DuplicateVariable, $"The variable '{variable.Name}' is declared more than once.");
            }
            ctx.VariableNames.Add(variable.Name);
            if (variable.Sensitive)
            {
                ctx.SensitiveVariables.Add(variable.Name);
            }
            if (ValueKinds.Check(variable.Type, variable.Default) is { } problem)
            {
                ctx.Add($"{path}.default", DefinitionErrorCodes.InvalidDefault, $"The default of variable '{variable.Name}' does not fit its type {variable.Type}: {problem}.");
            }
        }

        var parameters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in ctx.Model.Parameters)
        {
            var path = ctx.PathOf(parameter);
            if (!parameters.Add(parameter.Name))
            {
                ctx.Add($"{path}.name", DefinitionErrorCodes.DuplicateVariable, $"The parameter '{parameter.Name}' is declared more than once.");
            }
            if (parameter.Default is null)
            {
                ctx.Add($"{path}.default", DefinitionErrorCodes.InvalidDefault, $"The parameter '{parameter.Name}' needs a default: it is the value used unless a gemeente changes it.");
            }
            else if (ValueKinds.Check(parameter.Type, parameter.Default) is { } problem)
            {
                ctx.Add($"{path}.default", DefinitionErrorCodes.InvalidDefault, $"The default of parameter '{parameter.Name}' does not fit its type {parameter.Type}: {problem}.");
            }
        }
    }
}

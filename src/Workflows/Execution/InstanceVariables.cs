using System.Text.Json.Nodes;
using Inburgering.Workflows.Definitions;

namespace Inburgering.Workflows.Execution;

/// <summary>The variables a new instance starts with: declared defaults, overridden by given values of the right type.</summary>
internal static class InstanceVariables
{
    public static JsonObject Create(WorkflowDefinitionModel model, JsonObject? given)
    {
        var errors = new List<FieldError>();
        var declared = model.Variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        var variables = new JsonObject();
        foreach (var variable in model.Variables)
        {
            variables[variable.Name] = variable.Default?.DeepClone();
        }
        foreach (var (name, value) in given ?? [])
        {
            if (!declared.TryGetValue(name, out var declaration))
            {
                errors.Add(new FieldError($"variables.{name}", $"The definition declares no variable '{name}'."));
            }
            else if (ValueKinds.Check(declaration.Type, value) is { } problem)
            {
                errors.Add(new FieldError($"variables.{name}", $"Does not fit type {declaration.Type}: {problem}."));
            }
            else
            {
                variables[name] = value?.DeepClone();
            }
        }
        return errors.Count > 0 ? throw new InvalidInputException("The start variables are not valid.", errors) : variables;
    }
}

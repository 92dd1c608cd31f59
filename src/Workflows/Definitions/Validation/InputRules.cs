using System.Text.Json;
using System.Text.Json.Nodes;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Calendar;

namespace Inburgering.Workflows.Definitions.Validation;

/// <summary>Inputs of one node against its descriptor: required ones present, none unknown, each of the right type.</summary>
internal static class InputRules
{
    public static void Check(ValidationContext ctx, ActivityNode node, ActivityDescriptor descriptor, string nodePath)
    {
        foreach (var input in descriptor.Inputs)
        {
            var present = node.Inputs.TryGetValue(input.Name, out var value) && value is not null;
            if (!present)
            {
                if (input.Required && input.Default is null)
                {
                    ctx.Add($"{nodePath}.inputs", DefinitionErrorCodes.MissingInput, $"Activity '{node.Key}' ({node.Type}) needs the input '{input.Name}' ({input.DisplayName}).");
                }
                continue;
            }
            CheckValue(ctx, input, value!, $"{nodePath}.inputs.{input.Name}");
        }
        foreach (var name in node.Inputs.Keys.Where(n => descriptor.FindInput(n) is null))
        {
            ctx.Add($"{nodePath}.inputs.{name}", DefinitionErrorCodes.UnknownInput,
                $"{node.Type} has no input '{name}'. Its inputs are: {string.Join(", ", descriptor.Inputs.Select(i => i.Name))}.");
        }
    }

    private static void CheckValue(ValidationContext ctx, InputDescriptor input, JsonNode value, string path)
    {
        if (ExpressionInput.TryGetCode(value, out var code))
        {
            if (input.Type is InputType.Text or InputType.Number or InputType.Boolean or InputType.Date or InputType.Duration or InputType.DurationList or InputType.Json)
            {
                CheckSyntax(ctx, code, $"{path}.expression");
            }
            else
            {
                ctx.Add(path, DefinitionErrorCodes.InvalidInputType, $"The input '{input.Name}' ({input.Type}) cannot be computed by an expression.");
            }
            return;
        }
        var kind = value.GetValueKind();
        switch (input.Type)
        {
            case InputType.Text or InputType.Organisation:
                Expect(ctx, kind == JsonValueKind.String, path, input, "text");
                break;
            case InputType.Number:
                Expect(ctx, kind == JsonValueKind.Number, path, input, "a number");
                break;
            case InputType.Boolean:
                Expect(ctx, kind is JsonValueKind.True or JsonValueKind.False, path, input, "true or false");
                break;
            case InputType.Date:
                if (Expect(ctx, kind == JsonValueKind.String, path, input, "a date (yyyy-MM-dd)") && !ValueKinds.IsDate(value.GetValue<string>()))
                {
                    ctx.Add(path, DefinitionErrorCodes.InvalidDate, $"'{value.GetValue<string>()}' is not a date; write it as yyyy-MM-dd.");
                }
                break;
            case InputType.Duration:
                if (Expect(ctx, kind == JsonValueKind.String, path, input, "a duration such as \"P10W\"")
                    && !BusinessDuration.TryParse(value.GetValue<string>(), out _, out var durationError))
                {
                    ctx.Add(path, DefinitionErrorCodes.InvalidDuration, $"'{value.GetValue<string>()}' is not a valid duration: {durationError}");
                }
                break;
            case InputType.Condition or InputType.Expression:
                if (Expect(ctx, kind == JsonValueKind.String && value.GetValue<string>().Trim().Length > 0, path, input, "JavaScript code as text"))
                {
                    CheckSyntax(ctx, value.GetValue<string>(), path);
                }
                break;
            case InputType.Choice:
                if (Expect(ctx, kind == JsonValueKind.String, path, input, "text") && input.Options is { } options && !options.Contains(value.GetValue<string>()))
                {
                    ctx.Add(path, DefinitionErrorCodes.InvalidInputType, $"'{value.GetValue<string>()}' is not allowed for '{input.Name}'; choose one of: {string.Join(", ", options)}.");
                }
                break;
            case InputType.VariableName:
                if (Expect(ctx, kind == JsonValueKind.String, path, input, "a variable name"))
                {
                    CheckVariable(ctx, value.GetValue<string>(), path);
                }
                break;
            case InputType.NameList:
                CheckNameList(ctx, value, path, input);
                break;
            case InputType.DurationList:
                CheckDurationList(ctx, value, path, input);
                break;
            case InputType.Cases:
                CheckCases(ctx, value, path, input);
                break;
            case InputType.Assignments:
                CheckAssignments(ctx, value, path, input);
                break;
            case InputType.Json:
                break;
            case InputType.Form:
                CheckForm(ctx, value, path);
                break;
            case InputType.SharedVariables:
                CheckSharedVariables(ctx, value, path, input);
                break;
            default:
                throw new InvalidOperationException($"Input type {input.Type} has no validation rule.");
        }
    }

    private static void CheckNameList(ValidationContext ctx, JsonNode value, string path, InputDescriptor input)
    {
        if (value is not JsonArray array || array.Count == 0 || array.Any(n => n?.GetValueKind() != JsonValueKind.String || n.GetValue<string>().Length == 0))
        {
            Fail(ctx, path, input, "a non-empty array of names");
            return;
        }
        var duplicates = array.Select(n => n!.GetValue<string>()).GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            ctx.Add(path, DefinitionErrorCodes.InvalidInputType, $"The names in '{input.Name}' must be distinct; repeated: {string.Join(", ", duplicates)}.");
        }
    }

    private static void CheckDurationList(ValidationContext ctx, JsonNode value, string path, InputDescriptor input)
    {
        if (value is not JsonArray array)
        {
            Fail(ctx, path, input, "an array of durations such as [\"P5WD\", \"P1WD\"]");
            return;
        }
        for (var i = 0; i < array.Count; i++)
        {
            var text = array[i] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (!BusinessDuration.TryParse(text, out _, out var error))
            {
                ctx.Add($"{path}[{i}]", DefinitionErrorCodes.InvalidDuration, $"'{array[i]?.ToJsonString()}' is not a valid duration: {error}");
            }
        }
    }

    private static void CheckCases(ValidationContext ctx, JsonNode value, string path, InputDescriptor input)
    {
        if (value is not JsonArray array || array.Count == 0)
        {
            Fail(ctx, path, input, "a non-empty array of {\"name\", \"condition\"} objects");
            return;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var casePath = $"{path}[{i}]";
            if (array[i] is not JsonObject c || c["name"]?.GetValueKind() != JsonValueKind.String || c["condition"]?.GetValueKind() != JsonValueKind.String)
            {
                ctx.Add(casePath, DefinitionErrorCodes.InvalidInputType, "Each case needs a 'name' and a 'condition' (both text).");
                continue;
            }
            if (!names.Add(c["name"]!.GetValue<string>()))
            {
                ctx.Add($"{casePath}.name", DefinitionErrorCodes.InvalidInputType, $"The case name '{c["name"]!.GetValue<string>()}' is used twice.");
            }
            CheckSyntax(ctx, c["condition"]!.GetValue<string>(), $"{casePath}.condition");
        }
    }

    private static void CheckAssignments(ValidationContext ctx, JsonNode value, string path, InputDescriptor input)
    {
        if (value is not JsonObject obj)
        {
            Fail(ctx, path, input, "an object of variable name to expression");
            return;
        }
        foreach (var (variable, expression) in obj)
        {
            CheckVariable(ctx, variable, $"{path}.{variable}");
            if (expression?.GetValueKind() == JsonValueKind.String)
            {
                CheckSyntax(ctx, expression.GetValue<string>(), $"{path}.{variable}");
            }
            else
            {
                ctx.Add($"{path}.{variable}", DefinitionErrorCodes.InvalidInputType, $"The value for '{variable}' must be an expression (text).");
            }
        }
    }

    private static void CheckForm(ValidationContext ctx, JsonNode value, string path)
    {
        var errors = new List<(string Path, string Message)>();
        Tasks.TaskFormReader.Read(value, errors);
        foreach (var (sub, message) in errors)
        {
            ctx.Add(sub.Length == 0 ? path : $"{path}.{sub}", DefinitionErrorCodes.InvalidForm, message);
        }
    }

    private static void CheckSharedVariables(ValidationContext ctx, JsonNode value, string path, InputDescriptor input)
    {
        if (value is not JsonArray array || array.Any(n => n?.GetValueKind() != JsonValueKind.String))
        {
            Fail(ctx, path, input, "an array of variable names");
            return;
        }
        for (var i = 0; i < array.Count; i++)
        {
            var name = array[i]!.GetValue<string>();
            CheckVariable(ctx, name, $"{path}[{i}]");
            if (ctx.SensitiveVariables.Contains(name))
            {
                ctx.Add($"{path}[{i}]", DefinitionErrorCodes.SensitiveVariableShared,
                    $"The variable '{name}' is declared sensitive (BSN, health or other special data) and may not be shown to a partner (Wet inburgering 2021 art. 35–37).");
            }
        }
    }

    private static void CheckVariable(ValidationContext ctx, string name, string path)
    {
        if (!ctx.VariableNames.Contains(name))
        {
            ctx.Add(path, DefinitionErrorCodes.UnknownVariable,
                $"The variable '{name}' is not declared; declare it under 'variables'{(ctx.VariableNames.Count > 0 ? $" (declared: {string.Join(", ", ctx.VariableNames)})" : "")}.");
        }
    }

    private static void CheckSyntax(ValidationContext ctx, string code, string path)
    {
        if (ctx.Expressions.CheckSyntax(code) is { } error)
        {
            ctx.Add(path, DefinitionErrorCodes.ExpressionSyntax, $"The expression does not parse: {error.Message}");
        }
    }

    private static bool Expect(ValidationContext ctx, bool ok, string path, InputDescriptor input, string expected)
    {
        if (!ok)
        {
            Fail(ctx, path, input, expected);
        }
        return ok;
    }

    private static void Fail(ValidationContext ctx, string path, InputDescriptor input, string expected) =>
        ctx.Add(path, DefinitionErrorCodes.InvalidInputType, $"The input '{input.Name}' must be {expected}.");
}

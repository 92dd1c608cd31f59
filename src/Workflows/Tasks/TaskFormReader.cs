using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Inburgering.Workflows.Tasks;

/// <summary>
/// Reads a form as written in a definition and reports every problem with its path below the input
/// (e.g. <c>fields[1].options</c>), so the validator can prefix the node's path.
/// </summary>
public static partial class TaskFormReader
{
    /// <summary>Outcome names the PartnerTask activity keeps for itself.</summary>
    public static readonly IReadOnlySet<string> ReservedOutcomes = new HashSet<string>(StringComparer.Ordinal) { "Verlopen", "Fout" };

    private static readonly Dictionary<string, FormFieldType> FieldTypes = new(StringComparer.Ordinal)
    {
        ["choice"] = FormFieldType.Choice,
        ["date"] = FormFieldType.Date,
        ["number"] = FormFieldType.Number,
        ["text"] = FormFieldType.Text,
        ["yesNo"] = FormFieldType.YesNo,
    };

    private static readonly HashSet<string> FieldProperties = ["name", "label", "type", "required", "options", "requiredFor", "help"];

    public static TaskForm Read(JsonNode? node, List<(string Path, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (node is null)
        {
            return TaskForm.Simple;
        }
        if (node is not JsonObject obj)
        {
            errors.Add(("", "The form must be an object with 'fields' and 'outcomes'."));
            return TaskForm.Simple;
        }
        foreach (var name in obj.Select(p => p.Key).Where(k => k is not ("fields" or "outcomes")))
        {
            errors.Add((name, $"A form has 'fields' and 'outcomes', not '{name}'."));
        }
        var outcomes = ReadOutcomes(obj["outcomes"], errors);
        var fields = ReadFields(obj["fields"], outcomes, errors);
        return new TaskForm(fields, outcomes);
    }

    private static List<FormOutcome> ReadOutcomes(JsonNode? node, List<(string, string)> errors)
    {
        if (node is null)
        {
            return [.. TaskForm.Simple.Outcomes];
        }
        if (node is not JsonArray array || array.Count == 0)
        {
            errors.Add(("outcomes", "'outcomes' must be a non-empty array of { name, label }."));
            return [.. TaskForm.Simple.Outcomes];
        }
        var outcomes = new List<FormOutcome>();
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"outcomes[{i}]";
            var name = Text(array[i]?["name"]);
            if (!OutcomeName().IsMatch(name ?? ""))
            {
                errors.Add(($"{path}.name", "An outcome needs a 'name' of letters and digits starting with a capital (it becomes an outcome port), e.g. NietVerschenen."));
                continue;
            }
            if (ReservedOutcomes.Contains(name!))
            {
                errors.Add(($"{path}.name", $"'{name}' is a port the activity keeps for itself; choose another name."));
                continue;
            }
            if (outcomes.Any(o => o.Name == name))
            {
                errors.Add(($"{path}.name", $"The outcome '{name}' is listed twice."));
                continue;
            }
            outcomes.Add(new FormOutcome(name!, Text(array[i]?["label"]) ?? name!));
        }
        return outcomes;
    }

    private static List<FormField> ReadFields(JsonNode? node, List<FormOutcome> outcomes, List<(string, string)> errors)
    {
        if (node is null)
        {
            return [];
        }
        if (node is not JsonArray array)
        {
            errors.Add(("fields", "'fields' must be an array of { name, label, type, required, options }."));
            return [];
        }
        var fields = new List<FormField>();
        for (var i = 0; i < array.Count; i++)
        {
            if (ReadField(array[i], $"fields[{i}]", outcomes, errors) is { } field)
            {
                if (fields.Any(f => f.Name == field.Name))
                {
                    errors.Add(($"fields[{i}].name", $"The field '{field.Name}' is listed twice."));
                    continue;
                }
                fields.Add(field);
            }
        }
        return fields;
    }

    private static FormField? ReadField(JsonNode? node, string path, List<FormOutcome> outcomes, List<(string, string)> errors)
    {
        if (node is not JsonObject obj)
        {
            errors.Add((path, "A field must be an object { name, label, type }."));
            return null;
        }
        foreach (var unknown in obj.Select(p => p.Key).Where(k => !FieldProperties.Contains(k)))
        {
            errors.Add(($"{path}.{unknown}", $"A field has no property '{unknown}'; it has: {string.Join(", ", FieldProperties)}."));
        }
        var name = Text(obj["name"]);
        var ok = true;
        if (!FieldName().IsMatch(name ?? ""))
        {
            errors.Add(($"{path}.name", "A field needs a 'name' of letters and digits starting with a lower-case letter, e.g. pipDatum."));
            ok = false;
        }
        var typeText = Text(obj["type"]);
        if (typeText is null || !FieldTypes.TryGetValue(typeText, out var type))
        {
            errors.Add(($"{path}.type", $"'type' must be one of: {string.Join(", ", FieldTypes.Keys)}."));
            return null;
        }
        var options = obj["options"] is JsonArray opts ? opts.Select(Text).ToList() : null;
        if (type == FormFieldType.Choice && (options is null || options.Count == 0 || options.Any(string.IsNullOrWhiteSpace)))
        {
            errors.Add(($"{path}.options", "A choice field needs 'options': a non-empty array of texts."));
            ok = false;
        }
        else if (type != FormFieldType.Choice && obj["options"] is not null)
        {
            errors.Add(($"{path}.options", "Only a choice field has 'options'."));
            ok = false;
        }
        var requiredFor = obj["requiredFor"] is JsonArray rf ? rf.Select(Text).ToList() : null;
        foreach (var (outcome, j) in (requiredFor ?? []).Select((o, j) => (o, j)).Where(p => outcomes.All(o => o.Name != p.o)))
        {
            errors.Add(($"{path}.requiredFor[{j}]", $"'{outcome}' is not an outcome of this form ({string.Join(", ", outcomes.Select(o => o.Name))})."));
            ok = false;
        }
        var required = obj["required"];
        if (required is not null && required.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(($"{path}.required", "'required' must be true or false."));
            ok = false;
        }
        return ok
            ? new FormField(name!, Text(obj["label"]) ?? name!, type, required?.GetValue<bool>() ?? false,
                options?.Select(o => o!).ToList(), requiredFor?.Select(o => o!).ToList(), Text(obj["help"]))
            : null;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    [GeneratedRegex("^[A-Z][A-Za-z0-9]{0,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex OutcomeName();

    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldName();
}

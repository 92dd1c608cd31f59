using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Definitions;

/// <summary>
/// Reads definition JSON into a <see cref="WorkflowDefinitionModel"/>, collecting every structural error with its
/// JSON path instead of stopping at the first (System.Text.Json deserialization would). Broken items are skipped so
/// the semantic rules can still report on the rest.
/// </summary>
public static class DefinitionReader
{
    private static readonly HashSet<string> RootProperties = ["$schema", "id", "version", "name", "description", "variables", "parameters", "activities", "connections"];
    private static readonly HashSet<string> ActivityProperties = ["key", "type", "inputs", "displayName", "position", "onFault"];
    private static readonly HashSet<string> ConnectionProperties = ["from", "outcome", "to"];
    private static readonly HashSet<string> VariableProperties = ["name", "type", "default", "description", "source", "sensitive"];

    private static readonly HashSet<string> ParameterProperties = ["name", "type", "default", "description", "source"];

    /// <summary>Definitions may carry comments and trailing commas: people write them by hand.</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static DefinitionReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : "";
            return new DefinitionReadResult(null, [new DefinitionError(ex.Path ?? "$", DefinitionErrorCodes.MalformedJson, $"The JSON cannot be read{where}: {FirstSentence(ex.Message)}")]);
        }
        return Read(root);
    }

    public static DefinitionReadResult Read(JsonNode? root)
    {
        var errors = new List<DefinitionError>();
        if (root is not JsonObject obj)
        {
            errors.Add(Structure("$", "A definition must be a JSON object."));
            return new DefinitionReadResult(null, errors);
        }
        var paths = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        UnknownProperties(obj, "$", RootProperties, errors);

        var id = RequiredString(obj, "id", "$", errors) ?? "";
        if (id.Length > 0 && !Keys.IsValid(id))
        {
            errors.Add(new DefinitionError("$.id", DefinitionErrorCodes.InvalidKey, $"The id '{id}' must be lower-case letters, digits and hyphens, starting with a letter or digit (at most {Keys.MaxLength} characters)."));
        }
        var model = new WorkflowDefinitionModel
        {
            Id = id,
            Name = OptionalString(obj, "name", "$", errors) ?? id,
            Description = OptionalString(obj, "description", "$", errors),
            Variables = ReadArray(obj, "variables", errors, paths, (o, p) => ReadVariable(o, p, errors)),
            Parameters = ReadArray(obj, "parameters", errors, paths, (o, p) => ReadParameter(o, p, errors)),
            Activities = ReadArray(obj, "activities", errors, paths, (o, p) => ReadActivity(o, p, errors)),
            Connections = ReadArray(obj, "connections", errors, paths, (o, p) => ReadConnection(o, p, errors)),
        };
        return new DefinitionReadResult(model, errors, new SourcePaths(paths));
    }

    private static List<T> ReadArray<T>(JsonObject obj, string name, List<DefinitionError> errors, Dictionary<object, string> paths, Func<JsonObject, string, T?> readItem)
        where T : class
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return [];
        }
        if (node is not JsonArray array)
        {
            errors.Add(Structure($"$.{name}", $"'{name}' must be an array."));
            return [];
        }
        var items = new List<T>();
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"$.{name}[{i}]";
            if (array[i] is not JsonObject item)
            {
                errors.Add(Structure(path, "Each element must be an object."));
                continue;
            }
            if (readItem(item, path) is { } read)
            {
                items.Add(read);
                paths[read] = path;
            }
        }
        return items;
    }

    private static ActivityNode? ReadActivity(JsonObject obj, string path, List<DefinitionError> errors)
    {
        UnknownProperties(obj, path, ActivityProperties, errors);
        var key = RequiredString(obj, "key", path, errors);
        var type = RequiredString(obj, "type", path, errors);
        var inputs = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (obj.TryGetPropertyValue("inputs", out var inputsNode) && inputsNode is not null)
        {
            if (inputsNode is JsonObject inputsObject)
            {
                foreach (var (name, value) in inputsObject)
                {
                    inputs[name] = value?.DeepClone();
                }
            }
            else
            {
                errors.Add(Structure($"{path}.inputs", "'inputs' must be an object of input name to value."));
            }
        }
        var onFault = FaultBehavior.Suspend;
        if (OptionalString(obj, "onFault", path, errors) is { } fault && !TryParseName(fault, out onFault))
        {
            errors.Add(Structure($"{path}.onFault", $"'onFault' must be 'suspend' or 'continue', not '{fault}'."));
        }
        if (key is null || type is null)
        {
            return null;
        }
        if (!Keys.IsValid(key))
        {
            errors.Add(new DefinitionError($"{path}.key", DefinitionErrorCodes.InvalidKey, $"The key '{key}' must be lower-case letters, digits and hyphens, starting with a letter or digit (at most {Keys.MaxLength} characters)."));
        }
        return new ActivityNode(key, type, inputs, OptionalString(obj, "displayName", path, errors), ReadPosition(obj, path, errors), onFault);
    }

    private static DesignerPosition? ReadPosition(JsonObject obj, string path, List<DefinitionError> errors)
    {
        if (!obj.TryGetPropertyValue("position", out var node) || node is null)
        {
            return null;
        }
        if (node is JsonObject p && Number(p["x"]) is { } x && Number(p["y"]) is { } y)
        {
            return new DesignerPosition(x, y);
        }
        errors.Add(Structure($"{path}.position", "'position' must be an object with numbers 'x' and 'y'."));
        return null;
    }

    private static Connection? ReadConnection(JsonObject obj, string path, List<DefinitionError> errors)
    {
        UnknownProperties(obj, path, ConnectionProperties, errors);
        var from = RequiredString(obj, "from", path, errors);
        var outcome = RequiredString(obj, "outcome", path, errors);
        var to = RequiredString(obj, "to", path, errors);
        return from is null || outcome is null || to is null ? null : new Connection(from, outcome, to);
    }

    private static VariableDeclaration? ReadVariable(JsonObject obj, string path, List<DefinitionError> errors)
    {
        UnknownProperties(obj, path, VariableProperties, errors);
        var name = RequiredString(obj, "name", path, errors);
        var kind = ReadKind(obj, path, errors);
        var sensitive = obj["sensitive"] switch
        {
            null => false,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            _ => Invalid(errors, $"{path}.sensitive", "'sensitive' must be true or false."),
        };
        return name is null || kind is null
            ? null
            : new VariableDeclaration(name, kind.Value, obj["default"]?.DeepClone(), OptionalString(obj, "description", path, errors)) { Sensitive = sensitive };
    }

    private static ParameterDeclaration? ReadParameter(JsonObject obj, string path, List<DefinitionError> errors)
    {
        UnknownProperties(obj, path, ParameterProperties, errors);
        var name = RequiredString(obj, "name", path, errors);
        var kind = ReadKind(obj, path, errors);
        return name is null || kind is null
            ? null
            : new ParameterDeclaration(name, kind.Value, obj["default"]?.DeepClone(), OptionalString(obj, "description", path, errors), OptionalString(obj, "source", path, errors));
    }

    private static ValueKind? ReadKind(JsonObject obj, string path, List<DefinitionError> errors)
    {
        var text = RequiredString(obj, "type", path, errors);
        if (text is null)
        {
            return null;
        }
        if (TryParseName<ValueKind>(text, out var kind))
        {
            return kind;
        }
        errors.Add(Structure($"{path}.type", $"Unknown type '{text}'; use one of: {string.Join(", ", Enum.GetNames<ValueKind>().Select(n => n.ToLowerInvariant()))}."));
        return null;
    }

    private static string? RequiredString(JsonObject obj, string name, string path, List<DefinitionError> errors)
    {
        var value = OptionalString(obj, name, path, errors);
        if (value is null && !(obj.ContainsKey(name) && obj[name] is not null))
        {
            errors.Add(Structure($"{path}.{name}", $"'{name}' is required."));
        }
        else if (value is { Length: 0 })
        {
            errors.Add(Structure($"{path}.{name}", $"'{name}' must not be empty."));
            return null;
        }
        return value;
    }

    private static bool Invalid(List<DefinitionError> errors, string path, string message)
    {
        errors.Add(new DefinitionError(path, DefinitionErrorCodes.InvalidStructure, message));
        return false;
    }

    private static string? OptionalString(JsonObject obj, string name, string path, List<DefinitionError> errors)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }
        errors.Add(Structure($"{path}.{name}", $"'{name}' must be a string."));
        return null;
    }

    private static void UnknownProperties(JsonObject obj, string path, HashSet<string> known, List<DefinitionError> errors)
    {
        foreach (var (name, _) in obj)
        {
            if (!known.Contains(name))
            {
                errors.Add(Structure($"{path}.{name}", $"Unknown property '{name}'; expected one of: {string.Join(", ", known)}."));
            }
        }
    }

    /// <summary>An enum member by its name only (no numbers, no comma-joined flags).</summary>
    private static bool TryParseName<T>(string text, out T value)
        where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static DefinitionError Structure(string path, string message) => new(path, DefinitionErrorCodes.InvalidStructure, message);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

/// <summary>The model read (null when the JSON is not an object at all) and every structural error found.</summary>
public sealed record DefinitionReadResult(WorkflowDefinitionModel? Model, IReadOnlyList<DefinitionError> Errors, SourcePaths? Paths = null);

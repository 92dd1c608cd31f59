using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Tasks;

/// <summary>
/// Checks a submitted outcome against the task's form and normalises it: dates as yyyy-MM-dd, numbers as numbers,
/// yes/no as booleans. Every problem is reported at once, keyed <c>outcome</c> or <c>fields.{name}</c>, in Dutch, for
/// the inbox and the API's ProblemDetails. Values may come as JSON (API) or as text (messages).
/// </summary>
public static class TaskOutcomeValidator
{
    public const int MaxTextLength = 2000;

    public static TaskOutcomeCheck Check(TaskForm form, string? outcome, IReadOnlyDictionary<string, JsonNode?>? fields)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        fields ??= new Dictionary<string, JsonNode?>();
        var chosen = outcome ?? (form.Outcomes.Count == 1 ? form.Outcomes[0].Name : null);
        if (chosen is null)
        {
            errors["outcome"] = [$"Kies een uitkomst: {string.Join(", ", form.Outcomes.Select(o => o.Name))}."];
        }
        else if (form.FindOutcome(chosen) is null)
        {
            errors["outcome"] = [$"'{chosen}' is geen uitkomst van deze taak; kies uit: {string.Join(", ", form.Outcomes.Select(o => o.Name))}."];
        }
        foreach (var name in fields.Keys.Where(k => form.Fields.All(f => f.Name != k)))
        {
            errors[$"fields.{name}"] = [$"Deze taak heeft geen veld '{name}'."];
        }
        var values = new JsonObject();
        foreach (var field in form.Fields)
        {
            var raw = fields.GetValueOrDefault(field.Name);
            if (IsEmpty(raw))
            {
                if (chosen is not null && field.IsRequiredFor(chosen))
                {
                    errors[$"fields.{field.Name}"] = [$"'{field.Label}' is verplicht."];
                }
                continue;
            }
            var (value, error) = Normalise(field, raw!);
            if (error is not null)
            {
                errors[$"fields.{field.Name}"] = [error];
            }
            else
            {
                values[field.Name] = value;
            }
        }
        return new TaskOutcomeCheck(chosen ?? "", values, errors);
    }

    private static bool IsEmpty(JsonNode? raw) =>
        raw is null || (raw is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s));

    private static (JsonNode? Value, string? Error) Normalise(FormField field, JsonNode raw)
    {
        var text = raw is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : null;
        var kind = raw.GetValueKind();
        switch (field.Type)
        {
            case FormFieldType.Choice:
                return text is not null && field.Options!.Contains(text)
                    ? (JsonValue.Create(text), null)
                    : (null, $"'{field.Label}' moet een van deze zijn: {string.Join(", ", field.Options!)}.");
            case FormFieldType.Date:
                return text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), null)
                    : (null, $"'{field.Label}' moet een datum zijn (jjjj-mm-dd).");
            case FormFieldType.Number:
                // Through the JSON text: a value built in code (JsonValue.Create(5)) has no decimal view, a parsed one does.
                if (kind == JsonValueKind.Number && decimal.TryParse(raw.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var given))
                {
                    return (JsonValue.Create(given), null);
                }
                return text is not null && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                    ? (JsonValue.Create(number), null)
                    : (null, $"'{field.Label}' moet een getal zijn (met een punt als decimaalteken).");
            case FormFieldType.YesNo:
                if (kind is JsonValueKind.True or JsonValueKind.False)
                {
                    return (JsonValue.Create(raw.GetValue<bool>()), null);
                }
                return text?.ToUpperInvariant() switch
                {
                    "TRUE" or "JA" => (JsonValue.Create(true), null),
                    "FALSE" or "NEE" => (JsonValue.Create(false), null),
                    _ => (null, $"'{field.Label}' moet ja of nee zijn."),
                };
            case FormFieldType.Text:
                if (text is null)
                {
                    return (null, $"'{field.Label}' moet tekst zijn.");
                }
                return text.Length <= MaxTextLength ? (JsonValue.Create(text), null) : (null, $"'{field.Label}' is langer dan {MaxTextLength} tekens.");
            default:
                throw new InvalidOperationException($"Field type {field.Type} has no rule.");
        }
    }
}

/// <summary>The checked outcome: the chosen port, the normalised fields, and the errors (empty when valid).</summary>
public sealed record TaskOutcomeCheck(string Outcome, JsonObject Fields, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

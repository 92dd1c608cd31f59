using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inburgering.Workflows.Tasks;

/// <summary>
/// The typed outcome form of a partner task: the outcomes a partner can choose (each an outcome port of the activity,
/// e.g. <c>Afgerond</c>, <c>NietVerschenen</c>) and the fields to fill in. Written in a definition as the PartnerTask's
/// <c>form</c> input; stored with each task so completing it never needs the definition.
/// </summary>
public sealed record TaskForm(IReadOnlyList<FormField> Fields, IReadOnlyList<FormOutcome> Outcomes)
{
    public const string DefaultOutcome = "Afgerond";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A form without fields and one outcome, <c>Afgerond</c>.</summary>
    public static TaskForm Simple { get; } = new([], [new FormOutcome(DefaultOutcome, "Afgerond")]);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TaskForm Parse(string json) => JsonSerializer.Deserialize<TaskForm>(json, Json) ?? Simple;

    public FormOutcome? FindOutcome(string name) => Outcomes.FirstOrDefault(o => o.Name == name);
}

/// <param name="Name">Key in the outcome, e.g. <c>leerroute</c>.</param>
/// <param name="Label">Dutch label in the inbox.</param>
/// <param name="Type">The value type.</param>
/// <param name="Required">Whether it must be filled in (for every outcome, or only those in <paramref name="RequiredFor"/>).</param>
/// <param name="Options">The choices of a <see cref="FormFieldType.Choice"/> field.</param>
/// <param name="RequiredFor">When set, the field is required only for these outcomes (e.g. the PIP date only for <c>Afgerond</c>).</param>
/// <param name="Help">Dutch help text.</param>
public sealed record FormField(
    string Name, string Label, FormFieldType Type, bool Required = false, IReadOnlyList<string>? Options = null,
    IReadOnlyList<string>? RequiredFor = null, string? Help = null)
{
    public bool IsRequiredFor(string outcome) => RequiredFor is { Count: > 0 } only ? only.Contains(outcome) : Required;
}

/// <param name="Name">The outcome port, e.g. <c>NietVerschenen</c>.</param>
/// <param name="Label">Dutch text on the button, e.g. "Niet verschenen".</param>
public sealed record FormOutcome(string Name, string Label);

public enum FormFieldType
{
    Choice,
    Date,
    Number,
    Text,
    YesNo,
}

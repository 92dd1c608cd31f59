using System.Text.Json.Nodes;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Definitions;

namespace Inburgering.Activities.Deadlines;

/// <summary>
/// The deadline inputs every waiting activity can carry (WaitForEvent now, PartnerTask next): a term from a start date,
/// statutory (Algemene termijnenwet) or policy, with its rule and legal source for the explanation, reminders before it
/// and repeated escalation after it.
/// </summary>
public static class DeadlineInputs
{
    public const string Statutory = "wettelijk";
    public const string Policy = "beleid";

    /// <summary>The port a step leaves by when it expires at its deadline (<c>onDeadline: verlopen</c>).</summary>
    public const string Expired = "Verlopen";
    public const string Escalate = "escaleren";
    public const string Expire = "verlopen";

    /// <summary>
    /// What the deadline means: escalate while the step stays open (default), or expire and go on by <c>Verlopen</c> —
    /// e.g. a bezwaar term that passes without a bezwaar makes the decision final.
    /// </summary>
    public static InputDescriptor OnDeadline { get; } = new("onDeadline", "Bij overschrijding termijn", InputType.Choice, Default: JsonValue.Create(Escalate), Options: [Escalate, Expire],
        Description: "escaleren: de stap blijft open en wordt geëscaleerd; verlopen: de stap vervalt en gaat verder via Verlopen.");

    /// <summary>True when the node expires at its deadline instead of escalating.</summary>
    public static bool ExpiresAtDeadline(ActivityNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Inputs.GetValueOrDefault("onDeadline") is JsonValue v && v.TryGetValue<string>(out var s) && s == Expire;
    }

    /// <summary>The node's outcomes plus <c>Verlopen</c> when it expires at its deadline.</summary>
    public static IReadOnlyList<OutcomeDescriptor> WithExpiry(ActivityNode node, IEnumerable<OutcomeDescriptor> outcomes)
    {
        var list = outcomes.ToList();
        if (ExpiresAtDeadline(node))
        {
            list.Add(new OutcomeDescriptor(Expired, MustConnect: true));
        }
        return list;
    }

    /// <summary>True when a resumption is the deadline passing on a step that expires (not the awaited event or task).</summary>
    public static bool IsExpiry(WaitResumption resumption)
    {
        ArgumentNullException.ThrowIfNull(resumption);
        return resumption.Payload is JsonObject payload && payload["expired"] is JsonValue e && e.TryGetValue<bool>(out var expired) && expired;
    }

    public static IReadOnlyList<InputDescriptor> Descriptors { get; } =
    [
        new("deadline", "Termijn", InputType.Duration, Description: "Lengte van de termijn, bijvoorbeeld P10W of P5WD; leeg = geen termijn."),
        new("deadlineStart", "Termijn loopt vanaf", InputType.Date, Description: "Datum van de startgebeurtenis (vaak een expressie); leeg = de dag waarop deze stap begint."),
        new("deadlineStartEvent", "Startgebeurtenis", InputType.Text, Default: JsonValue.Create("start van deze stap"), Description: "Naam in de uitleg, bijvoorbeeld 'kennisgeving DUO'."),
        new("deadlineKind", "Soort termijn", InputType.Choice, Default: JsonValue.Create(Policy), Options: [Statutory, Policy],
            Description: "wettelijk: de Algemene termijnenwet verschuift het einde; beleid: niet."),
        new("deadlineRule", "Regel", InputType.Text, Description: "Bijvoorbeeld 'PIP binnen 10 weken na kennisgeving'."),
        new("deadlineSource", "Bron", InputType.Text, Default: JsonValue.Create(""), Description: "Bijvoorbeeld 'Besluit inburgering 2021 art. 5.3 lid 1'."),
        new("reminders", "Herinneringen vooraf", InputType.DurationList, Description: "Hoe lang voor het einde, bijvoorbeeld [\"P5WD\", \"P1WD\"]."),
        new("escalateEvery", "Escalatie herhalen elke", InputType.Duration, Description: "Zolang de stap te laat is, bijvoorbeeld P5WD."),
    ];

    private static readonly string[] DependentInputs = ["deadlineStart", "deadlineRule", "reminders", "escalateEvery"];

    /// <summary>Definition-time checks: the companions of a deadline need a deadline, and a deadline is counted in days or longer.</summary>
    public static IEnumerable<(string InputPath, string Code, string Message)> Validate(ActivityNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var hasDeadline = node.Inputs.TryGetValue("deadline", out var deadline) && deadline is not null;
        foreach (var name in DependentInputs.Where(n => !hasDeadline && node.Inputs.ContainsKey(n)))
        {
            yield return (name, DefinitionErrorCodes.MissingInput, $"'{name}' only means something with a 'deadline'; add the deadline or remove '{name}'.");
        }
        if (deadline is JsonValue v && v.TryGetValue<string>(out var text) && BusinessDuration.TryParse(text, out var d, out _) && d.IsTimeUnit)
        {
            yield return ("deadline", DefinitionErrorCodes.InvalidDuration, "A deadline is counted in days, weeks, months, years or werkdagen, not hours.");
        }
        if (ExpiresAtDeadline(node) && !hasDeadline)
        {
            yield return ("onDeadline", DefinitionErrorCodes.MissingInput, "'verlopen' needs a 'deadline': without one the step can never expire.");
        }
    }

    /// <summary>The deadline of this execution, or null when the node has none.</summary>
    public static WaitDeadline? Read(ActivityContext context, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(calendar);
        if (context.GetText("deadline") is not { } text)
        {
            return null;
        }
        var duration = Duration(text, "deadline");
        var start = context.GetText("deadlineStart") is { } startText ? Date(startText, calendar.TimeZone) : calendar.ToLocalDate(context.Now);
        var kind = context.GetText("deadlineKind") == Statutory ? TermKind.Statutory : TermKind.Policy;
        var rule = context.GetText("deadlineRule") ?? $"{context.Node.DisplayName ?? context.Node.Key}: binnen {duration.ToDutch()}";
        var deadline = calendar.ComputeDeadline(new DeadlineRequest(
            start, duration, kind, rule, context.GetText("deadlineSource") ?? "", context.GetText("deadlineStartEvent") ?? "start van deze stap"));
        var reminders = Reminders(context.GetInput("reminders"));
        var every = context.GetText("escalateEvery") is { } e ? Duration(e, "escalateEvery") : (BusinessDuration?)null;
        return new WaitDeadline(deadline, reminders, every, ResumeAtDeadline: ExpiresAtDeadline(context.Node));
    }

    // Reminders may come from a parameter ({"expression": "parameters.herinneringen"}), so their shape is checked here too.
    private static List<BusinessDuration> Reminders(JsonNode? value) => value switch
    {
        null => [],
        JsonArray array when array.All(n => n is JsonValue v && v.TryGetValue<string>(out _)) => array.Select(n => Duration(n!.GetValue<string>(), "reminders")).ToList(),
        _ => throw new ActivityInputException("'reminders' must be an array of durations such as [\"P5WD\", \"P1WD\"]."),
    };

    private static BusinessDuration Duration(string text, string input) =>
        BusinessDuration.TryParse(text, out var d, out var error) ? d : throw new ActivityInputException($"'{input}' is not a duration: {error}");

    private static DateOnly Date(string text, TimeZoneInfo zone) =>
        LocalDates.TryParse(text, zone, out var date)
            ? date
            : throw new ActivityInputException($"'deadlineStart' must be a date as yyyy-MM-dd (got text of {text.Length} characters).");
}

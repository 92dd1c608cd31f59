using System.Globalization;
using System.Text.Json.Nodes;
using Inburgering.Simulation.Scripts;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Tasks;

namespace Inburgering.Simulation.TryOut;

/// <summary>
/// Proposes try-out input for a definition (<see cref="TryOutTemplate"/>). Generic: the declared variables and their
/// defaults, the events WaitForEvent steps wait for, the task types of PartnerTask steps with their outcomes and
/// fields. For the klantreis it adds a statushouder who arrives on the start day (the koppeling) and the first months
/// of an on-time journey — DUO's kennisgeving, the brede intake, BRP registration, bijstand, the PIP and the start of
/// the B1-route — as in scenario 01. A proposed step is left out when the draft no longer waits for its event or has no
/// such task type and outcome, so a proposal for a changed draft still runs.
/// </summary>
public static class TryOutTemplates
{
    public const string KlantreisDefinitionId = KlantreisSimulation.DefinitionId;

    public static TryOutTemplate Propose(WorkflowDefinitionModel model, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(model);
        var declarations = model.Variables
            .Select(v => new TryOutVariable(v.Name, v.Type.ToString(), v.Default?.DeepClone(), v.Description, v.Sensitive)).ToList();
        var variables = new JsonObject();
        foreach (var v in model.Variables.Where(v => !v.Sensitive && v.Default is not null))
        {
            variables[v.Name] = v.Default!.DeepClone();
        }
        var events = Events(model);
        var taskTypes = TaskTypes(model);
        var steps = new List<ScriptStep>();
        if (model.Id == KlantreisDefinitionId)
        {
            foreach (var (name, value) in KlantreisVariables(start))
            {
                if (model.Variables.Any(v => v.Name == name))
                {
                    variables[name] = value;
                }
            }
            steps.AddRange(KlantreisSteps(start).Where(s => s.Event is { } e
                ? events.Any(x => x.Name == e)
                : taskTypes.Any(t => t.TaskType == s.Task && t.Outcomes.Any(o => o.Name == s.Outcome))));
        }
        var request = new TryOutRequest { Definition = "", Start = start, Steps = steps };
        return new TryOutTemplate(model.Id, start, variables, steps, request.EffectiveUntil, declarations, events, taskTypes);
    }

    private static List<TryOutEvent> Events(WorkflowDefinitionModel model) => model.Activities
        .Where(a => a.Type == "WaitForEvent" && Literal(a, "event") is not null)
        .GroupBy(a => Literal(a, "event")!, StringComparer.Ordinal)
        .Select(g => new TryOutEvent(g.Key, g.Select(Activity).ToList()))
        .OrderBy(e => e.Name, StringComparer.Ordinal).ToList();

    private static List<TryOutTaskType> TaskTypes(WorkflowDefinitionModel model) => model.Activities
        .Where(a => a.Type == "PartnerTask")
        .GroupBy(a => Literal(a, "taskType") ?? a.Key, StringComparer.Ordinal)
        .Select(g =>
        {
            var first = g.First();
            var form = TaskFormReader.Read(first.Inputs.GetValueOrDefault("form"), []);
            return new TryOutTaskType(g.Key, Literal(first, "organisation"), Literal(first, "title"), g.Select(Activity).ToList(),
                // Outcomes and fields of every step of this type (e.g. the PIP before and after third-party information).
                g.SelectMany(a => TaskFormReader.Read(a.Inputs.GetValueOrDefault("form"), []).Outcomes).DistinctBy(o => o.Name).ToList(),
                g.SelectMany(a => TaskFormReader.Read(a.Inputs.GetValueOrDefault("form"), []).Fields).DistinctBy(f => f.Name).ToList(),
                g.Any(a => Literal(a, "onDeadline") == "verlopen"));
        })
        .OrderBy(t => t.TaskType, StringComparer.Ordinal).ToList();

    private static TryOutActivity Activity(ActivityNode node) => new(node.Key, node.DisplayName ?? node.Key);

    private static string? Literal(ActivityNode node, string input) =>
        node.Inputs.GetValueOrDefault(input) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static Dictionary<string, JsonNode> KlantreisVariables(DateOnly start) => new(StringComparer.Ordinal)
    {
        ["doelgroep"] = "asiel",
        ["instroom"] = "nieuw",
        ["koppelingDatum"] = Day(start),
        ["naam"] = "Proefpersoon",
    };

    /// <summary>The first months of scenario 01 (all on time), by days after the koppeling; steps on a weekend move to the Monday.</summary>
    private static IEnumerable<ScriptStep> KlantreisSteps(DateOnly start)
    {
        var brp = Weekday(start.AddDays(42));
        var pip = Weekday(start.AddDays(98));
        yield return Event(Weekday(start.AddDays(7)), "DuoKennisgeving", new JsonObject { ["datum"] = Day(Weekday(start.AddDays(4))) });
        var intake = Weekday(start.AddDays(21));
        yield return Task(intake, "brede-intake", "Afgerond",
            new JsonObject { ["intakeDatum"] = Day(intake), ["leerbaarheidstoets"] = "afgenomen", ["voorlopigeLeerroute"] = "B1" });
        yield return Event(brp, "BrpIngeschreven", new JsonObject { ["datum"] = Day(brp) });
        var mb = Weekday(brp.AddDays(2));
        yield return Task(mb, "mb-starten", "Gestart", new JsonObject { ["startDatum"] = Day(mb) });
        yield return Event(Weekday(brp.AddDays(5)), "BijstandToegekend", new JsonObject { ["ingangsDatum"] = Day(brp) });
        yield return Task(Weekday(brp.AddDays(6)), "ontzorging", "Ingericht", null);
        yield return Task(pip, "pip", "Vastgesteld",
            new JsonObject { ["pipDatum"] = Day(pip), ["leerroute"] = "B1", ["voortgangsgesprekken"] = 4, ["dualeTraject"] = true });
        var route = Weekday(pip.AddDays(21));
        yield return Task(route, "b1-route", "Gestart", new JsonObject { ["startDatum"] = Day(route) });
    }

    private static ScriptStep Event(DateOnly date, string name, JsonObject data) => new() { Date = date, Event = name, Data = data };

    private static ScriptStep Task(DateOnly date, string taskType, string outcome, JsonObject? fields) =>
        new() { Date = date, Task = taskType, Outcome = outcome, Fields = fields };

    private static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

using System.Text.Json.Nodes;
using Inburgering.Activities.Deadlines;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Partners;
using Inburgering.Workflows.Tasks;

namespace Inburgering.Activities.Tasks;

/// <summary>
/// Opens a task for a partner organisation (e.g. the brede intake for ISD Bollenstreek), waits until the partner
/// completes it with the task's outcome form, puts the form's fields into variables and leaves by the outcome the partner
/// chose (e.g. <c>Afgerond</c>, <c>NietVerschenen</c>). With a deadline: reminders before it and escalation after it
/// (to the partner and the gemeente's regie), or, with <c>onDeadline: verlopen</c>, the task expires at the deadline and
/// the path goes on by <c>Verlopen</c>. The partner sees only the variables listed in <c>share</c>, never sensitive ones.
/// </summary>
public sealed class PartnerTaskActivity(BusinessCalendar calendar, PartnerDirectory partners) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "PartnerTask", 1, Categories.Tasks, "Partnertaak", "Zet een taak met termijn en uitkomstformulier klaar voor een partnerorganisatie en wacht op de uitkomst.",
        Inputs:
        [
            new InputDescriptor("organisation", "Organisatie", InputType.Organisation, Required: true, Description: "De partner die de taak uitvoert, bijvoorbeeld isd-bollenstreek."),
            new InputDescriptor("title", "Titel", InputType.Text, Required: true, Description: "Korte titel in de inbox, bijvoorbeeld 'Brede intake afnemen'."),
            new InputDescriptor("instructions", "Instructies", InputType.Text, Description: "Wat de partner moet doen."),
            new InputDescriptor("taskType", "Taaksoort", InputType.Text, Description: "Vaste naam in berichten en rapportages; leeg = de sleutel van deze stap."),
            new InputDescriptor("assignee", "Medewerker", InputType.Text, Description: "Een persoon binnen de organisatie (optioneel)."),
            new InputDescriptor("form", "Uitkomstformulier", InputType.Form,
                Description: "Velden (keuze, datum, getal, tekst, ja/nee) en uitkomsten; zonder formulier is er één uitkomst, Afgerond."),
            new InputDescriptor("share", "Gegevens voor de partner", InputType.SharedVariables,
                Description: "Variabelen die de partner bij deze taak ziet; nooit gevoelige (BSN, gezondheid)."),
            new InputDescriptor("fieldsVariable", "Bewaar uitkomst in", InputType.VariableName, Description: "Variabele die alle ingevulde velden krijgt."),
            new InputDescriptor("assign", "Toewijzingen", InputType.Assignments, Description: "Variabele → expressie over input (de velden), bijvoorbeeld { \"leerroute\": \"input.leerroute\" }."),
            DeadlineInputs.OnDeadline,
            .. DeadlineInputs.Descriptors,
        ],
        Outcomes: [new OutcomeDescriptor(TaskForm.DefaultOutcome, MustConnect: true)],
        MayWait: true,
        Icon: "assignment");

    public IReadOnlyList<OutcomeDescriptor> GetOutcomes(ActivityNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return DeadlineInputs.WithExpiry(node, Form(node).Outcomes.Select(o => new OutcomeDescriptor(o.Name, MustConnect: true)));
    }

    public IEnumerable<(string InputPath, string Code, string Message)> Validate(ActivityNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Inputs.GetValueOrDefault("organisation") is JsonValue org && org.TryGetValue<string>(out var id) && !partners.Exists(id))
        {
            yield return ("organisation", DefinitionErrorCodes.UnknownOrganisation,
                $"'{id}' is not a known partner organisation; known: {string.Join(", ", partners.All.Select(p => p.Id))}.");
        }
        if (node.Inputs.GetValueOrDefault("taskType") is JsonValue type && type.TryGetValue<string>(out var typeName) && !Keys.IsValid(typeName))
        {
            yield return ("taskType", DefinitionErrorCodes.InvalidKey, "A task type is a key of lower-case letters, digits and dashes, e.g. brede-intake.");
        }
        foreach (var error in DeadlineInputs.Validate(node))
        {
            yield return error;
        }
    }

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var node = context.Node;
        var spec = new TaskSpec(
            TaskType: context.GetText("taskType") ?? node.Key,
            Organisation: context.GetRequiredText("organisation"),
            Assignee: context.GetText("assignee"),
            Title: context.GetRequiredText("title"),
            Instructions: context.GetText("instructions"),
            Form: Form(node),
            SharedVariables: (node.Inputs.GetValueOrDefault("share") as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToList(),
            ExpiresAtDeadline: DeadlineInputs.ExpiresAtDeadline(node));
        if (!partners.Exists(spec.Organisation))
        {
            throw new ActivityInputException($"'{spec.Organisation}' is not a known partner organisation.");
        }
        var deadline = DeadlineInputs.Read(context, calendar);
        return ValueTask.FromResult(ActivityResult.WaitFor(new WaitRequest(WaitKinds.Task, State: spec.ToNode(), Deadline: deadline)));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, WaitResumption resumption)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resumption);
        if (DeadlineInputs.IsExpiry(resumption))
        {
            return ValueTask.FromResult(ActivityResult.Complete(DeadlineInputs.Expired));
        }
        var payload = resumption.Payload as JsonObject ?? [];
        var fields = payload["fields"] as JsonObject ?? [];
        if (context.GetText("fieldsVariable") is { } target)
        {
            context.SetVariable(target, fields);
        }
        if (context.Node.Inputs.GetValueOrDefault("assign") is JsonObject assignments)
        {
            foreach (var (variable, expression) in assignments)
            {
                context.SetVariable(variable, context.Evaluate(expression!.GetValue<string>(), fields));
            }
        }
        var outcome = payload["outcome"]?.GetValue<string>() ?? TaskForm.DefaultOutcome;
        return ValueTask.FromResult(ActivityResult.Complete(outcome));
    }

    private static TaskForm Form(ActivityNode node) => TaskFormReader.Read(node.Inputs.GetValueOrDefault("form"), []);
}

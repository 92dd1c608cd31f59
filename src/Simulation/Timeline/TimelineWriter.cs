using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Inburgering.Simulation.Scripts;
using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Simulation.Timeline;

/// <summary>
/// Writes what happened to one klantreis as a Dutch text a person who knows the law can check line by line: the
/// course of events by day (tasks opened and completed, events, choices, reminders, escalations, expiries), every task
/// deadline with its full explanation (rule, source, start, raw end, Atw shifts), and the end state. Scenario tests
/// keep it as their golden file. Only non-sensitive variables are written; times are days in the calendar's zone.
/// </summary>
public sealed class TimelineWriter(IDbContextFactory<WorkflowsDbContext> dbFactory, DefinitionCatalog catalog, BusinessCalendar calendar)
{
    public async Task<string> WriteAsync(KlantreisScript script, Guid instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instanceId, cancellationToken);
        var definition = await catalog.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        var journal = await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence).ToListAsync(cancellationToken);
        // Rows created in one burst share their time; the journal's sequence gives the order in which they were opened.
        var opened = journal.Where(j => j.Kind == JournalKind.ActivityWaiting)
            .GroupBy(j => (j.ActivityKey, j.AtUtc)).ToDictionary(g => g.Key, g => g.First().Sequence);
        int OpenedAt(string key, DateTime at) => opened.TryGetValue((key, at), out var sequence) ? sequence : int.MaxValue;
        var tasks = (await db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId).ToListAsync(cancellationToken))
            .OrderBy(t => t.CreatedAtUtc).ThenBy(t => OpenedAt(t.ActivityKey, t.CreatedAtUtc)).ThenBy(t => t.ActivityKey, StringComparer.Ordinal).ToList();
        var waits = (await db.Waits.AsNoTracking().Where(w => w.InstanceId == instanceId).ToListAsync(cancellationToken))
            .OrderBy(w => w.CreatedAtUtc).ThenBy(w => OpenedAt(w.ActivityKey, w.CreatedAtUtc)).ThenBy(w => w.ActivityKey, StringComparer.Ordinal).ToList();
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.InstanceId == instanceId).OrderBy(i => i.CreatedAtUtc).ToListAsync(cancellationToken);

        var text = new StringBuilder();
        text.Append("# Scenario: ").AppendLine(script.Title);
        if (!string.IsNullOrWhiteSpace(script.Description))
        {
            text.AppendLine().AppendLine(script.Description.Trim());
        }
        text.AppendLine()
            .Append(CultureInfo.InvariantCulture, $"Definitie `{instance.DefinitionId}` versie {instance.DefinitionVersion} · klantreis `{script.KlantreisId}` · ")
            .Append("gestart op ").AppendLine(Day(instance.CreatedAtUtc));

        text.AppendLine().AppendLine("## Verloop").AppendLine();
        foreach (var entry in journal)
        {
            if (Describe(entry, definition, tasks) is { } line)
            {
                text.Append("- ").Append(Day(entry.AtUtc)).Append(" — ").AppendLine(line);
            }
        }

        text.AppendLine().AppendLine("## Taken en hun termijnen");
        foreach (var task in tasks)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"### {task.TaskType} — {task.Title} ({task.Organisation})").AppendLine().AppendLine();
            text.Append("Geopend ").Append(Day(task.CreatedAtUtc)).Append("; ").AppendLine(Status(task) + ".");
            if (DeadlineRecord.Parse(task.DeadlineJson) is { } deadline)
            {
                text.AppendLine();
                foreach (var line in deadline.Explanation.Split('\n'))
                {
                    text.Append("    ").AppendLine(line.TrimEnd('\r'));
                }
            }
        }

        text.AppendLine().AppendLine("## Eindstand").AppendLine();
        text.Append("Status: ").AppendLine(instance.Status.ToString());
        text.AppendLine().AppendLine("Variabelen:").AppendLine();
        var variables = JsonNode.Parse(instance.VariablesJson)!.AsObject();
        foreach (var declaration in definition.Model.Variables.Where(v => !v.Sensitive))
        {
            if (variables[declaration.Name] is { } value)
            {
                text.Append("- ").Append(declaration.Name).Append(": ").AppendLine(Canonical(value)!.ToJsonString());
            }
        }
        text.AppendLine().AppendLine(waits.Count == 0 ? "Open stappen: geen." : "Open stappen:");
        foreach (var wait in waits)
        {
            var due = wait.DueAtUtc is { } d ? $", tot {Day(d)}" : "";
            text.Append(CultureInfo.InvariantCulture, $"- {Name(definition, wait.ActivityKey)} ({wait.Kind}{(wait.EventName is null ? "" : " " + wait.EventName)}{due})").AppendLine();
        }
        text.AppendLine().AppendLine(incidents.Count == 0 ? "Incidenten: geen." : "Incidenten:");
        foreach (var incident in incidents)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {incident.ActivityKey}: {incident.Message} ({incident.Status})").AppendLine();
        }
        return text.ToString();
    }

    private static string? Describe(JournalEntry entry, WorkflowDefinition definition, List<PartnerTask> tasks)
    {
        var name = entry.ActivityKey is null ? "" : Name(definition, entry.ActivityKey);
        return entry.Kind switch
        {
            JournalKind.InstanceStarted => "Klantreis gestart.",
            JournalKind.ActivityWaiting when entry.ActivityType == "PartnerTask" => Opened(entry, tasks),
            JournalKind.ActivityWaiting when entry.ActivityType == "WaitForEvent" => $"{name}: {entry.Message}",
            JournalKind.ActivityResumed when entry.ActivityType == "PartnerTask" => Completed(entry, tasks),
            JournalKind.TimerFired when definition.Nodes.TryGetValue(entry.ActivityKey ?? "", out var node) && node.Node.Type is "Until" or "Delay" => $"Datum bereikt: {name}.",
            JournalKind.ActivityCompleted when entry.ActivityType is "Decision" or "Switch" => $"Keuze '{name}': {entry.Outcome}.",
            JournalKind.ActivityCompleted when entry.ActivityType == "SetVariable" => $"{name}.",
            JournalKind.ActivityCompleted when entry.ActivityType == "End" => $"Einde van dit spoor: {name}.",
            JournalKind.EventReceived or JournalKind.EventQueued or JournalKind.WaitCancelled
                or JournalKind.DeadlineReminder or JournalKind.DeadlineExpired or JournalKind.DeadlineEscalated => Prefix(name, entry.Message),
            JournalKind.ActivityFaulted => $"FOUT in {name}: {entry.Message}",
            JournalKind.InstanceCompleted or JournalKind.InstanceCancelled => entry.Message,
            _ => null,
        };
    }

    private static string Opened(JournalEntry entry, List<PartnerTask> tasks)
    {
        var task = tasks.FirstOrDefault(t => t.ActivityKey == entry.ActivityKey && t.CreatedAtUtc == entry.AtUtc);
        if (task is null)
        {
            return $"Taak bij '{entry.ActivityKey}' geopend.";
        }
        var due = DeadlineRecord.Parse(task.DeadlineJson) is { } d ? $", uiterlijk {DutchText.DayAndDate(d.Final)}" : ", zonder termijn";
        return $"Taak **{task.TaskType}** geopend voor {task.Organisation}: {task.Title}{due}.";
    }

    private static string Completed(JournalEntry entry, List<PartnerTask> tasks)
    {
        var task = tasks.FirstOrDefault(t => t.ActivityKey == entry.ActivityKey && t.ClosedAtUtc == entry.AtUtc && t.Status == PartnerTaskStatus.Completed);
        if (task is null)
        {
            return $"Taak bij '{entry.ActivityKey}' hervat.";
        }
        // In the form's field order: PostgreSQL's jsonb does not keep the order of object keys, the form's array does.
        var order = (JsonNode.Parse(task.FormJson)?["fields"] as JsonArray ?? []).Select(f => f?["name"]?.GetValue<string>() ?? "").ToList();
        var fields = task.OutcomeJson is { } json && JsonNode.Parse(json) is JsonObject obj && obj.Count > 0
            ? " (" + string.Join(", ", obj.Where(p => p.Value is not null)
                .OrderBy(p => order.IndexOf(p.Key) is var i and >= 0 ? i : int.MaxValue).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key} {Plain(p.Value!)}")) + ")"
            : "";
        return $"Taak **{task.TaskType}** afgerond door {task.Organisation}: {task.Outcome}{fields}.";
    }

    private string Status(PartnerTask task) => task.Status switch
    {
        PartnerTaskStatus.Completed => $"afgerond op {Day(task.ClosedAtUtc!.Value)} met uitkomst {task.Outcome}",
        PartnerTaskStatus.Expired => $"verlopen op {Day(task.ClosedAtUtc!.Value)}",
        PartnerTaskStatus.Cancelled => $"geannuleerd op {Day(task.ClosedAtUtc!.Value)}",
        _ => task.Escalations > 0 ? $"nog open, {task.Escalations} keer geëscaleerd" : "nog open",
    };

    private static string Prefix(string name, string? message) => name.Length == 0 ? message ?? "" : $"{name}: {message}";

    // Keys sorted: PostgreSQL's jsonb stores object keys in its own order, SQLite keeps them as written.
    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Canonical).ToArray()),
        _ => node?.DeepClone(),
    };

    private static string Plain(JsonNode value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();

    private static string Name(WorkflowDefinition definition, string key) =>
        definition.Nodes.TryGetValue(key, out var node) ? node.Node.DisplayName ?? key : key;

    private string Day(DateTime utc) => DutchText.DayAndDate(calendar.ToLocalDate(new DateTimeOffset(utc, TimeSpan.Zero)));
}

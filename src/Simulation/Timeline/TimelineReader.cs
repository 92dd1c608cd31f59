using System.Text.Json.Nodes;
using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Simulation.Timeline;

/// <summary>
/// Reads what happened to one instance from its journal, its partner tasks, open waits and incidents, and turns it
/// into an <see cref="InstanceTimeline"/>: tasks opened and completed, events, choices, reminders, escalations and
/// expiries, each linked to its task and deadline. The journal is the source of the order; task rows add titles,
/// organisations, outcomes and deadline explanations. A step's deadline that is not a task's (a WaitForEvent with a
/// deadline) is only known while its wait is open, so it is linked when a <see cref="WaitDeadlineRecorder"/> saw it.
/// </summary>
public sealed partial class TimelineReader(IDbContextFactory<WorkflowsDbContext> dbFactory, DefinitionCatalog catalog, BusinessCalendar calendar)
{
    public async Task<InstanceTimeline> ReadAsync(Guid instanceId, WaitDeadlineRecorder? waitDeadlines = null, CancellationToken cancellationToken = default)
    {
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

        var context = new EntryContext(definition, tasks.Select(t => (Row: t, Deadline: DeadlineRecord.Parse(t.DeadlineJson))).ToList(), waitDeadlines);
        var entries = journal.Select(entry => Entry(entry, context)).OfType<TimelineEntry>().ToList();
        var variables = JsonNode.Parse(instance.VariablesJson)!.AsObject();
        var shown = new JsonObject();
        foreach (var declaration in definition.Model.Variables.Where(v => !v.Sensitive))
        {
            if (variables[declaration.Name] is { } value)
            {
                shown[declaration.Name] = Canonical(value);
            }
        }
        return new InstanceTimeline(
            instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.CorrelationKey, Day(instance.CreatedAtUtc),
            entries,
            context.Tasks.Select(t => Task(t.Row, t.Deadline)).ToList(),
            instance.Status.ToString(),
            shown,
            waits.Select(w => new TimelineOpenStep(w.ActivityKey, Name(definition, w.ActivityKey), w.Kind, w.EventName,
                w.DueAtUtc is { } due ? Day(due) : null, DeadlineRecord.Parse(w.DeadlineJson))).ToList(),
            incidents.Select(i => new TimelineIncident(i.ActivityKey, i.Message, i.Status.ToString())).ToList());
    }

    private TimelineTask Task(PartnerTask task, DeadlineRecord? deadline)
    {
        var fields = task.OutcomeJson is { } json && JsonNode.Parse(json) is JsonObject obj ? InFormOrder(task, obj) : null;
        var closed = task.ClosedAtUtc is { } at ? Day(at) : (DateOnly?)null;
        var statusText = task.Status switch
        {
            PartnerTaskStatus.Completed => $"afgerond op {DutchText.DayAndDate(closed!.Value)} met uitkomst {task.Outcome}",
            PartnerTaskStatus.Expired => $"verlopen op {DutchText.DayAndDate(closed!.Value)}",
            PartnerTaskStatus.Cancelled => $"geannuleerd op {DutchText.DayAndDate(closed!.Value)}",
            _ => task.Escalations > 0 ? $"nog open, {task.Escalations} keer geëscaleerd" : "nog open",
        };
        return new TimelineTask(task.Id, task.ActivityKey, task.TaskType, task.Title, task.Organisation, task.Status.ToString(), statusText,
            Day(task.CreatedAtUtc), closed, task.Outcome, fields, task.Escalations, deadline?.Final, deadline);
    }

    /// <summary>The completed form's fields in the form's order: PostgreSQL's jsonb does not keep the order of object keys, the form's array does.</summary>
    private static JsonObject InFormOrder(PartnerTask task, JsonObject fields)
    {
        var order = (JsonNode.Parse(task.FormJson)?["fields"] as JsonArray ?? []).Select(f => f?["name"]?.GetValue<string>() ?? "").ToList();
        return new JsonObject(fields
            .OrderBy(p => order.IndexOf(p.Key) is var i and >= 0 ? i : int.MaxValue).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
    }

    // Keys sorted: PostgreSQL's jsonb stores object keys in its own order, SQLite keeps them as written.
    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Canonical).ToArray()),
        _ => node?.DeepClone(),
    };

    private static string Name(WorkflowDefinition definition, string key) =>
        definition.Nodes.TryGetValue(key, out var node) ? node.Node.DisplayName ?? key : key;

    private DateOnly Day(DateTime utc) => calendar.ToLocalDate(new DateTimeOffset(utc, TimeSpan.Zero));

    private sealed record EntryContext(WorkflowDefinition Definition, List<(PartnerTask Row, DeadlineRecord? Deadline)> Tasks, WaitDeadlineRecorder? WaitDeadlines);
}

using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;

namespace Inburgering.Simulation.Timeline;

public sealed partial class TimelineReader
{
    /// <summary>The Dutch name of each kind, for a legend.</summary>
    public static string Label(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.Started => "klantreis gestart",
        TimelineEntryKind.TakenOver => "klantreis overgenomen",
        TimelineEntryKind.TaskOpened => "taak geopend",
        TimelineEntryKind.WaitingForEvent => "wacht op gebeurtenis",
        TimelineEntryKind.EventReceived => "gebeurtenis ontvangen",
        TimelineEntryKind.EventKept => "gebeurtenis bewaard",
        TimelineEntryKind.TaskCompleted => "taak afgerond",
        TimelineEntryKind.TaskResumed => "taak hervat",
        TimelineEntryKind.DateReached => "datum bereikt",
        TimelineEntryKind.Choice => "keuze",
        TimelineEntryKind.VariableSet => "gegevens vastgelegd",
        TimelineEntryKind.TrackEnded => "einde spoor",
        TimelineEntryKind.WaitCancelled => "wachten geannuleerd",
        TimelineEntryKind.TaskCancelled => "taak geannuleerd",
        TimelineEntryKind.Reminder => "herinnering",
        TimelineEntryKind.DeadlinePassed => "termijn verstreken",
        TimelineEntryKind.Escalated => "escalatie",
        TimelineEntryKind.TaskExpired => "taak verlopen",
        TimelineEntryKind.StepExpired => "stap verlopen",
        TimelineEntryKind.Fault => "incident",
        TimelineEntryKind.Ended => "klantreis beëindigd",
        TimelineEntryKind.Cancelled => "klantreis geannuleerd",
        _ => kind.ToString(),
    };

    /// <summary>The entry for one journal row, or null for rows a reader does not need (e.g. a step that ran through).</summary>
    private TimelineEntry? Entry(JournalEntry entry, EntryContext context)
    {
        var definition = context.Definition;
        var name = entry.ActivityKey is null ? "" : Name(definition, entry.ActivityKey);
        var isTask = entry.ActivityType == "PartnerTask";
        (PartnerTask Row, DeadlineRecord? Deadline)? task = null;
        (TimelineEntryKind Kind, string Text)? described = entry.Kind switch
        {
            JournalKind.InstanceStarted when StartPoints.TakeOverDetail(entry.Message) is { } takeOver
                => (TimelineEntryKind.TakenOver, $"Klantreis overgenomen; {takeOver}"),
            JournalKind.InstanceStarted => (TimelineEntryKind.Started, "Klantreis gestart."),
            JournalKind.ActivityWaiting when isTask => Opened(entry, task = Find(context, t => t.ActivityKey == entry.ActivityKey && t.CreatedAtUtc == entry.AtUtc)),
            JournalKind.ActivityWaiting when entry.ActivityType == "WaitForEvent" => (TimelineEntryKind.WaitingForEvent, $"{name}: {entry.Message}"),
            JournalKind.ActivityResumed when isTask => Resumed(entry, task = Find(context, t => t.ActivityKey == entry.ActivityKey && t.ClosedAtUtc == entry.AtUtc)),
            JournalKind.TimerFired when definition.Nodes.TryGetValue(entry.ActivityKey ?? "", out var node) && node.Node.Type is "Until" or "Delay"
                => (TimelineEntryKind.DateReached, $"Datum bereikt: {name}."),
            JournalKind.ActivityCompleted when entry.ActivityType is "Decision" or "Switch" => (TimelineEntryKind.Choice, $"Keuze '{name}': {entry.Outcome}."),
            JournalKind.ActivityCompleted when entry.ActivityType == "SetVariable" => (TimelineEntryKind.VariableSet, $"{name}."),
            JournalKind.ActivityCompleted when entry.ActivityType == "End" => (TimelineEntryKind.TrackEnded, $"Einde van dit spoor: {name}."),
            JournalKind.EventReceived => (TimelineEntryKind.EventReceived, Prefix(name, entry.Message)),
            JournalKind.EventQueued => (TimelineEntryKind.EventKept, Prefix(name, entry.Message)),
            JournalKind.WaitCancelled => (Cancelled(entry, context, ref task), Prefix(name, entry.Message)),
            JournalKind.DeadlineReminder => (TimelineEntryKind.Reminder, Prefix(name, entry.Message)),
            JournalKind.DeadlineExpired => (Expired(entry, context, ref task), Prefix(name, entry.Message)),
            JournalKind.DeadlineEscalated => (TimelineEntryKind.Escalated, Prefix(name, entry.Message)),
            JournalKind.ActivityFaulted => (TimelineEntryKind.Fault, $"FOUT in {name}: {entry.Message}"),
            JournalKind.InstanceCompleted when entry.Message is not null => (TimelineEntryKind.Ended, entry.Message),
            JournalKind.InstanceCancelled when entry.Message is not null => (TimelineEntryKind.Cancelled, entry.Message),
            _ => null,
        };
        if (described is not { } d)
        {
            return null;
        }
        // Reminders, escalations and expiries belong to the task (or other step) whose wait was open at that moment.
        task ??= isTask || entry.Kind is JournalKind.DeadlineReminder or JournalKind.DeadlineExpired or JournalKind.DeadlineEscalated
            ? OpenAt(context, entry)
            : null;
        var deadline = task?.Deadline;
        if (deadline is null && entry.Kind is JournalKind.DeadlineReminder or JournalKind.DeadlineExpired or JournalKind.DeadlineEscalated or JournalKind.ActivityWaiting
            && entry.ActivityKey is { } key)
        {
            deadline = context.WaitDeadlines?.Find(key, entry.AtUtc);
        }
        var at = new DateTimeOffset(entry.AtUtc, TimeSpan.Zero);
        return new TimelineEntry(entry.Sequence, at, calendar.ToLocalDate(at), d.Kind, Label(d.Kind), entry.ActivityKey, entry.ActivityKey is null ? null : name,
            entry.ActivityType, entry.Outcome, d.Text,
            task is { } t ? new TimelineTaskRef(t.Row.Id, t.Row.TaskType, t.Row.Title, t.Row.Organisation, t.Deadline?.Final) : null,
            deadline);
    }

    private static (TimelineEntryKind, string) Opened(JournalEntry entry, (PartnerTask Row, DeadlineRecord? Deadline)? found)
    {
        if (found is not var (task, deadline))
        {
            return (TimelineEntryKind.TaskOpened, $"Taak bij '{entry.ActivityKey}' geopend.");
        }
        var due = deadline is { } d ? $", uiterlijk {DutchText.DayAndDate(d.Final)}" : ", zonder termijn";
        return (TimelineEntryKind.TaskOpened, $"Taak **{task.TaskType}** geopend voor {task.Organisation}: {task.Title}{due}.");
    }

    private static (TimelineEntryKind, string) Resumed(JournalEntry entry, (PartnerTask Row, DeadlineRecord? Deadline)? found)
    {
        if (found is not var (task, _) || task.Status != PartnerTaskStatus.Completed)
        {
            return (TimelineEntryKind.TaskResumed, $"Taak bij '{entry.ActivityKey}' hervat.");
        }
        var values = task.OutcomeJson is { } json && System.Text.Json.Nodes.JsonNode.Parse(json) is System.Text.Json.Nodes.JsonObject obj
            ? InFormOrder(task, obj).Where(p => p.Value is not null).ToList()
            : [];
        var fields = values.Count > 0 ? " (" + string.Join(", ", values.Select(p => $"{p.Key} {Plain(p.Value!)}")) + ")" : "";
        return (TimelineEntryKind.TaskCompleted, $"Taak **{task.TaskType}** afgerond door {task.Organisation}: {task.Outcome}{fields}.");
    }

    private static TimelineEntryKind Cancelled(JournalEntry entry, EntryContext context, ref (PartnerTask Row, DeadlineRecord? Deadline)? task)
    {
        task = Find(context, t => t.ActivityKey == entry.ActivityKey && t.ClosedAtUtc == entry.AtUtc && t.Status == PartnerTaskStatus.Cancelled);
        return task is null ? TimelineEntryKind.WaitCancelled : TimelineEntryKind.TaskCancelled;
    }

    private static TimelineEntryKind Expired(JournalEntry entry, EntryContext context, ref (PartnerTask Row, DeadlineRecord? Deadline)? task)
    {
        task = Find(context, t => t.ActivityKey == entry.ActivityKey && t.ClosedAtUtc == entry.AtUtc && t.Status == PartnerTaskStatus.Expired);
        if (task is not null)
        {
            return TimelineEntryKind.TaskExpired;
        }
        var deadline = OpenAt(context, entry)?.Deadline ?? (entry.ActivityKey is { } key ? context.WaitDeadlines?.Find(key, entry.AtUtc) : null);
        return deadline is { ResumeAtDeadline: true } ? TimelineEntryKind.StepExpired : TimelineEntryKind.DeadlinePassed;
    }

    private static (PartnerTask Row, DeadlineRecord? Deadline)? Find(EntryContext context, Func<PartnerTask, bool> match)
    {
        foreach (var task in context.Tasks)
        {
            if (match(task.Row))
            {
                return task;
            }
        }
        return null;
    }

    /// <summary>The task of this activity that was open at the entry's moment (the latest opened, for a loop).</summary>
    private static (PartnerTask Row, DeadlineRecord? Deadline)? OpenAt(EntryContext context, JournalEntry entry) =>
        context.Tasks.LastOrDefault(t => t.Row.ActivityKey == entry.ActivityKey && t.Row.CreatedAtUtc <= entry.AtUtc
            && (t.Row.ClosedAtUtc is null || t.Row.ClosedAtUtc >= entry.AtUtc)) is { Row: not null } found ? found : null;

    private static string Prefix(string name, string? message) => name.Length == 0 ? message ?? "" : $"{name}: {message}";

    private static string Plain(System.Text.Json.Nodes.JsonNode value) =>
        value is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
}

using System.Globalization;
using System.Text;
using Inburgering.Simulation.Scripts;
using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Simulation.Timeline;

/// <summary>
/// Writes what happened to one klantreis as a Dutch text a person who knows the law can check line by line: the
/// course of events by day (tasks opened and completed, events, choices, reminders, escalations, expiries), every task
/// deadline with its full explanation (rule, source, start, raw end, Atw shifts), and the end state. Scenario tests
/// keep it as their golden file. It renders the <see cref="InstanceTimeline"/> of <see cref="TimelineReader"/>, the same
/// structure the try-out returns, so the two cannot drift apart.
/// </summary>
public sealed class TimelineWriter(IDbContextFactory<WorkflowsDbContext> dbFactory, DefinitionCatalog catalog, BusinessCalendar calendar)
{
    public async Task<string> WriteAsync(KlantreisScript script, Guid instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var timeline = await new TimelineReader(dbFactory, catalog, calendar).ReadAsync(instanceId, cancellationToken: cancellationToken);
        return Write(script, timeline);
    }

    public static string Write(KlantreisScript script, InstanceTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(timeline);
        var text = new StringBuilder();
        text.Append("# Scenario: ").AppendLine(script.Title);
        if (!string.IsNullOrWhiteSpace(script.Description))
        {
            text.AppendLine().AppendLine(script.Description.Trim());
        }
        text.AppendLine()
            .Append(CultureInfo.InvariantCulture, $"Definitie `{timeline.DefinitionId}` versie {timeline.DefinitionVersion} · klantreis `{script.KlantreisId}` · ")
            .Append("gestart op ").AppendLine(Day(timeline.Started));

        text.AppendLine().AppendLine("## Verloop").AppendLine();
        foreach (var entry in timeline.Entries)
        {
            text.Append("- ").Append(Day(entry.Day)).Append(" — ").AppendLine(entry.Text);
        }

        text.AppendLine().AppendLine("## Taken en hun termijnen");
        foreach (var task in timeline.Tasks)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"### {task.TaskType} — {task.Title} ({task.Organisation})").AppendLine().AppendLine();
            text.Append("Geopend ").Append(Day(task.Opened)).Append("; ").AppendLine(task.StatusText + ".");
            if (task.Deadline is { } deadline)
            {
                text.AppendLine();
                foreach (var line in deadline.Explanation.Split('\n'))
                {
                    text.Append("    ").AppendLine(line.TrimEnd('\r'));
                }
            }
        }

        text.AppendLine().AppendLine("## Eindstand").AppendLine();
        text.Append("Status: ").AppendLine(timeline.Status);
        text.AppendLine().AppendLine("Variabelen:").AppendLine();
        foreach (var (name, value) in timeline.Variables)
        {
            text.Append("- ").Append(name).Append(": ").AppendLine(value!.ToJsonString());
        }
        text.AppendLine().AppendLine(timeline.OpenSteps.Count == 0 ? "Open stappen: geen." : "Open stappen:");
        foreach (var step in timeline.OpenSteps)
        {
            var due = step.Due is { } d ? $", tot {Day(d)}" : "";
            text.Append(CultureInfo.InvariantCulture, $"- {step.ActivityName} ({step.Kind}{(step.EventName is null ? "" : " " + step.EventName)}{due})").AppendLine();
        }
        text.AppendLine().AppendLine(timeline.Incidents.Count == 0 ? "Incidenten: geen." : "Incidenten:");
        foreach (var incident in timeline.Incidents)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {incident.ActivityKey}: {incident.Message} ({incident.Status})").AppendLine();
        }
        return text.ToString();
    }

    private static string Day(DateOnly day) => DutchText.DayAndDate(day);
}

using System.Text.Json;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Calendar;

namespace Inburgering.Workflows.Timers;

/// <summary>
/// A wait's deadline as stored with the wait (JSON): what the API and the UI show, and what the timers need later
/// (the final day for reminders, the escalation rhythm).
/// </summary>
public sealed record DeadlineRecord(
    string Rule,
    string Source,
    string Kind,
    string StartEvent,
    DateOnly Start,
    string Duration,
    DateOnly RawEnd,
    DateOnly Final,
    DateTimeOffset DueUtc,
    IReadOnlyList<DeadlineShiftRecord> Shifts,
    string Summary,
    string Explanation,
    IReadOnlyList<string> Reminders,
    string? RepeatEscalationEvery,
    bool ResumeAtDeadline = false)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DeadlineRecord From(WaitDeadline wait)
    {
        ArgumentNullException.ThrowIfNull(wait);
        var d = wait.Deadline;
        return new DeadlineRecord(
            d.Request.RuleName, d.Request.Source, d.Request.Kind.ToString(), d.Request.StartEventName, d.Request.Start,
            d.Request.Duration.ToString(), d.RawEnd, d.Final, d.DueUtc,
            d.Shifts.Select(s => new DeadlineShiftRecord(s.From, s.To, s.Article, s.Description)).ToList(),
            d.Summary, d.Explanation,
            wait.Reminders.Select(r => r.ToString()).ToList(), wait.RepeatEscalationEvery?.ToString(), wait.ResumeAtDeadline);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DeadlineRecord? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<DeadlineRecord>(json, Json);

    public BusinessDuration? RepeatEvery => RepeatEscalationEvery is null ? null : BusinessDuration.Parse(RepeatEscalationEvery);
}

public sealed record DeadlineShiftRecord(DateOnly From, DateOnly To, string Article, string Description);

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Workflows.Oversight;

/// <summary>
/// The indicators of law.md §8 (the policy theory's tijdige start, snelheid, maatwerk, dualiteit), over the tasks completed
/// in a period, from the outcome forms partners filled in: PIPs on time against their legal deadline, days from the
/// deadline's start (kennisgeving or registration) to the PIP date (norm ≤ 70), the leerroute mix, the share with a dual
/// traject, fines imposed and verlengingen requested.
/// </summary>
/// <param name="Pips">PIPs vastgesteld in the period.</param>
/// <param name="PipsOnTime">Of those, with the PIP date on or before the deadline's final day.</param>
/// <param name="MedianDaysToPip">Median days from the deadline's start to the PIP date; null without PIPs.</param>
/// <param name="Leerroutes">PIPs by leerroute (B1, Z, onderwijs).</param>
/// <param name="DualTraject">PIPs with a dual traject (language with work or participation).</param>
/// <param name="Fines">Fines decided (intake fines and handhaving decisions with a fine).</param>
/// <param name="FinesAmount">Their total in euro, as far as the decision gives an amount (intake fines count the statutory €250).</param>
/// <param name="Verlengingen">Verlengingen requested of DUO.</param>
public sealed record KpiReport(
    DateOnly From, DateOnly To, int Pips, int PipsOnTime, double? MedianDaysToPip, IReadOnlyList<CountBy> Leerroutes, int DualTraject,
    int Fines, decimal FinesAmount, int Verlengingen)
{
    public double? ShareOnTime => Pips == 0 ? null : (double)PipsOnTime / Pips;

    public double? ShareDual => Pips == 0 ? null : (double)DualTraject / Pips;
}

public sealed class KlantreisKpis(IDbContextFactory<WorkflowsDbContext> dbFactory)
{
    /// <summary>Task types of the default klantreis these indicators read (a gemeente's own definitions keep these names).</summary>
    public const string PipType = "pip";
    public const string IntakeFineType = "boete-intake";
    public const string FineDecisionType = "handhaving-besluit";
    public const string VerlengingType = "verlenging";

    /// <summary>The intake fine of Besluit inburgering 2021 art. 8.9 (law.md §6).</summary>
    public const decimal IntakeFine = 250m;

    public async Task<KpiReport> ComputeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toUtc = to.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Tasks.AsNoTracking()
            .Where(t => t.Status == PartnerTaskStatus.Completed && t.ClosedAtUtc >= fromUtc && t.ClosedAtUtc < toUtc
                && (t.TaskType == PipType || t.TaskType == IntakeFineType || t.TaskType == FineDecisionType || t.TaskType == VerlengingType))
            // Only PIPs need their deadline and only PIPs and fine decisions their outcome form: the other rows (intake
            // fines, verlengingen: 40 % of them) are counted and come without their JSON documents.
            .Select(t => new
            {
                t.TaskType,
                t.Outcome,
                OutcomeJson = t.TaskType == PipType || t.TaskType == FineDecisionType ? t.OutcomeJson : null,
                DeadlineJson = t.TaskType == PipType ? t.DeadlineJson : null,
                t.ClosedAtUtc,
            })
            .ToListAsync(cancellationToken);

        var pips = rows.Where(r => r.TaskType == PipType && r.Outcome == "Vastgesteld").ToList();
        var onTime = 0;
        var days = new List<int>();
        var routes = new Dictionary<string, int>(StringComparer.Ordinal);
        var dual = 0;
        foreach (var pip in pips)
        {
            var fields = Parse(pip.OutcomeJson);
            var pipDate = Date(fields?["pipDatum"]) ?? DateOnly.FromDateTime(pip.ClosedAtUtc!.Value);
            if (Deadline(pip.DeadlineJson) is { } deadline)
            {
                onTime += pipDate <= deadline.Final ? 1 : 0;
                days.Add(pipDate.DayNumber - deadline.Start.DayNumber);
            }
            if (fields?["leerroute"] is JsonValue route && route.TryGetValue<string>(out var name))
            {
                routes[name] = routes.GetValueOrDefault(name) + 1;
            }
            if (fields?["dualeTraject"] is JsonValue d && d.TryGetValue<bool>(out var isDual) && isDual)
            {
                dual++;
            }
        }
        var intakeFines = rows.Count(r => r.TaskType == IntakeFineType && r.Outcome == "Verzonden");
        var decisions = rows.Where(r => r.TaskType == FineDecisionType && r.Outcome == "Opgelegd").ToList();
        var decided = decisions.Sum(r => Parse(r.OutcomeJson)?["bedrag"] is JsonValue a && a.TryGetValue<decimal>(out var amount) ? amount : 0m);
        return new KpiReport(
            from, to, pips.Count, onTime, Median(days),
            routes.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => new CountBy(p.Key, p.Value)).ToList(),
            dual, intakeFines + decisions.Count, intakeFines * IntakeFine + decided,
            rows.Count(r => r.TaskType == VerlengingType && r.Outcome == "Aangevraagd"));
    }

    private static double? Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    }

    private static JsonObject? Parse(string? json) => json is null ? null : JsonNode.Parse(json) as JsonObject;

    private static DateOnly? Date(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : null;

    /// <summary>
    /// The deadline's start and final day. Reads only those two properties of the stored <see cref="DeadlineRecord"/>
    /// (written camelCase by <see cref="DeadlineRecord.ToJson"/>) instead of deserialising all of it: this runs for every
    /// PIP of the year (tens of thousands for a large gemeente). Anything else falls back to the full parse.
    /// </summary>
    private static (DateOnly Start, DateOnly Final)? Deadline(string? json)
    {
        if (json is null)
        {
            return null;
        }
        try
        {
            if (StartAndFinal(json) is { } fast)
            {
                return fast;
            }
            return DeadlineRecord.Parse(json) is { } record ? (record.Start, record.Final) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (DateOnly Start, DateOnly Final)? StartAndFinal(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        DateOnly? start = null, final = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isStart = reader.ValueTextEquals("start"u8);
            var isFinal = !isStart && reader.ValueTextEquals("final"u8);
            reader.Read();
            if ((isStart || isFinal) && reader.TokenType == JsonTokenType.String
                && DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                if (isStart)
                {
                    start = day;
                }
                else
                {
                    final = day;
                }
                if (start is { } s && final is { } f)
                {
                    return (s, f);
                }
            }
            else if (isStart || isFinal)
            {
                return null; // not as ToJson writes it: the full parse decides
            }
            else
            {
                reader.Skip();
            }
        }
        return null;
    }
}

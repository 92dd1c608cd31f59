using System.Collections.Concurrent;
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

/// <remarks>
/// Tasks closed before yesterday cannot change any more (a completion is stamped with the engine's clock), so the tally of
/// each calendar month (or the part of one inside the period) that ended before yesterday is kept in memory and read
/// once; only the stretches still open are read on every call. The rolling "last 12 months" of the dashboard then
/// reads the current month and, once a day, the first part-month (bench P4: the full year is 43,000 rows and ≈ 0.8 s).
/// The memory holds at most a few hundred small tallies per process; each process keeps its own.
/// </remarks>
public sealed class KlantreisKpis(IDbContextFactory<WorkflowsDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Task types of the default klantreis these indicators read (a gemeente's own definitions keep these names).</summary>
    public const string PipType = "pip";
    public const string IntakeFineType = "boete-intake";
    public const string FineDecisionType = "handhaving-besluit";
    public const string VerlengingType = "verlenging";

    /// <summary>The intake fine of Besluit inburgering 2021 art. 8.9 (law.md §6).</summary>
    public const decimal IntakeFine = 250m;

    private const int MaxKeptTallies = 1000;

    private readonly ConcurrentDictionary<(DateOnly From, DateOnly To), KpiTally> _closed = new();

    /// <summary>Drops the kept tallies (after an erasure took completed tasks away); the next call reads them afresh.</summary>
    public void ForgetSettledTallies() => _closed.Clear();

    /// <summary>
    /// The default period, "the last 12 months" up to and including <paramref name="today"/>: the API and the dashboard
    /// use this one definition, so they show the same figures.
    /// </summary>
    public static (DateOnly From, DateOnly To) LastTwelveMonths(DateOnly today)
    {
        var to = today.AddDays(1);
        return (to.AddYears(-1), to);
    }

    public async Task<KpiReport> ComputeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        // A day before today, so a burst that read its clock just before midnight and commits after it is still seen.
        var settled = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1);
        var total = new KpiTally();
        foreach (var (start, end) in MonthStretches(from, to))
        {
            if (end <= settled && _closed.TryGetValue((start, end), out var kept))
            {
                total.Add(kept);
                continue;
            }
            var tally = await ReadAsync(start, end, cancellationToken);
            if (end <= settled)
            {
                if (_closed.Count >= MaxKeptTallies)
                {
                    _closed.Clear(); // a rolling window leaves one stale head per day: start over rather than grow
                }
                _closed.TryAdd((start, end), tally);
            }
            total.Add(tally);
        }
        return total.ToReport(from, to);
    }

    /// <summary>The period cut at the first of every month: [from, 1st of next month), …, [1st of last month, to).</summary>
    private static IEnumerable<(DateOnly Start, DateOnly End)> MonthStretches(DateOnly from, DateOnly to)
    {
        for (var start = from; start < to;)
        {
            var nextMonth = new DateOnly(start.Year, start.Month, 1).AddMonths(1);
            var end = nextMonth < to ? nextMonth : to;
            yield return (start, end);
            start = end;
        }
    }

    private async Task<KpiTally> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
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

        var tally = new KpiTally();
        foreach (var pip in rows.Where(r => r.TaskType == PipType && r.Outcome == "Vastgesteld"))
        {
            tally.Pips++;
            var fields = Parse(pip.OutcomeJson);
            var pipDate = Date(fields?["pipDatum"]) ?? DateOnly.FromDateTime(pip.ClosedAtUtc!.Value);
            if (Deadline(pip.DeadlineJson) is { } deadline)
            {
                tally.OnTime += pipDate <= deadline.Final ? 1 : 0;
                tally.DaysToPip.Add(pipDate.DayNumber - deadline.Start.DayNumber);
            }
            if (fields?["leerroute"] is JsonValue route && route.TryGetValue<string>(out var name))
            {
                tally.Leerroutes[name] = tally.Leerroutes.GetValueOrDefault(name) + 1;
            }
            if (fields?["dualeTraject"] is JsonValue d && d.TryGetValue<bool>(out var isDual) && isDual)
            {
                tally.Dual++;
            }
        }
        tally.IntakeFines = rows.Count(r => r.TaskType == IntakeFineType && r.Outcome == "Verzonden");
        var decisions = rows.Where(r => r.TaskType == FineDecisionType && r.Outcome == "Opgelegd").ToList();
        tally.FineDecisions = decisions.Count;
        tally.DecidedAmount = decisions.Sum(r => Parse(r.OutcomeJson)?["bedrag"] is JsonValue a && a.TryGetValue<decimal>(out var amount) ? amount : 0m);
        tally.Verlengingen = rows.Count(r => r.TaskType == VerlengingType && r.Outcome == "Aangevraagd");
        return tally;
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

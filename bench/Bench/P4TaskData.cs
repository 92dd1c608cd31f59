using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;

namespace Inburgering.Bench;

/// <summary>
/// P4's data: klantreizen of <c>workflows/klantreis-inburgering.json</c> with their partner tasks, written by binary COPY
/// (<see cref="BulkLoader.CopyRowsAsync"/>, columns from the EF model). Every klantreis starts at a random moment in the
/// last four years and has <c>tasksPerInstance</c> tasks: brede intake, PIP and a leerroute, then steps drawn by weight
/// (voortgangsgesprekken most, handhaving and bezwaar rarely). Each task's type, organisation, title, instructions, form
/// and shared variables come from the definition; its deadline is a <see cref="DeadlineRecord"/> as the engine stores it.
/// Status mix: 9.2 % open (45 % of those overdue by 1–400 days, skewed to recent; the rest due within 90 days), 2 %
/// cancelled, 0.8 % expired, the rest completed (15 % of those late). Completed PIPs, fines and verlengingen carry the
/// outcome forms the §8 indicators read. Deterministic (seeded).
/// </summary>
internal sealed class P4TaskData
{
    public const double OpenShare = 0.092;
    public const double OverdueShareOfOpen = 0.45;

    private sealed record Kind(string Type, string Organisation, string Title, string? Instructions, string FormJson, string SharedJson, int DueDays);

    private static readonly (string Type, double Weight)[] LaterSteps =
    [
        ("voortgangsgesprek", 30), ("mb-starten", 8), ("mb-afsluiten", 7), ("pvt", 8), ("map", 8), ("ontzorging", 7),
        ("ontzorging-einde", 5), ("omgaan-met-geld", 6), ("brede-intake-tweede-oproep", 2), ("boete-intake", 1.5),
        ("brede-intake-derde-oproep", 1), ("brede-intake-zonder-betrokkene", 0.5), ("pip-informatie-derde", 1), ("pip-verhuizing", 1),
        ("leerroute-wijzigen", 1.5), ("afschalen", 0.5), ("handhaving-beoordelen", 1), ("handhaving-rapport", 0.6),
        ("handhaving-zienswijze", 0.5), ("handhaving-besluit", 0.5), ("bezwaar", 0.3), ("verlenging", 2), ("vernietigen", 3), ("overdracht", 1),
    ];

    /// <summary>Typical term in days per task type (the definition's parameter defaults, roughly); 28 otherwise.</summary>
    private static readonly Dictionary<string, int> DueDays = new(StringComparer.Ordinal)
    {
        ["brede-intake"] = 28, ["pip"] = 70, ["b1-route"] = 28, ["z-route"] = 28, ["onderwijsroute"] = 28, ["pvt"] = 365, ["map"] = 540,
        ["mb-starten"] = 7, ["mb-afsluiten"] = 14, ["ontzorging"] = 7, ["ontzorging-einde"] = 14, ["omgaan-met-geld"] = 90,
        ["voortgangsgesprek"] = 14, ["boete-intake"] = 7, ["brede-intake-derde-oproep"] = 60, ["handhaving-rapport"] = 180,
        ["handhaving-zienswijze"] = 14, ["handhaving-besluit"] = 56, ["bezwaar"] = 42,
    };

    private static readonly string[] Routes = ["B1", "Z", "onderwijs"];

    private readonly Dictionary<string, Kind> _kinds;
    private readonly double _totalWeight = LaterSteps.Sum(s => s.Weight);

    public P4TaskData(string definitionJson)
    {
        _kinds = new Dictionary<string, Kind>(StringComparer.Ordinal);
        Collect(JsonNode.Parse(definitionJson)!, _kinds);
        var missing = LaterSteps.Select(s => s.Type).Concat(["brede-intake", "pip", "b1-route", "z-route", "onderwijsroute"]).Where(t => !_kinds.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"P4: task types not in the klantreis definition: {string.Join(", ", missing)}");
        }
    }

    public IReadOnlyCollection<string> Organisations => _kinds.Values.Select(k => k.Organisation).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>A sample of task ids (every 100th), for the primary-key baseline.</summary>
    public List<Guid> SampleIds { get; } = [];

    public long Open { get; private set; }

    public long Overdue { get; private set; }

    /// <summary>Writes the tasks, then the instances (Running while a task is open or the klantreis is younger than 3 years).</summary>
    public async Task<(TimeSpan Tasks, TimeSpan Instances)> LoadAsync(BulkLoader loader, string definitionId, int instances, int tasksPerInstance, DateTime now)
    {
        var starts = new DateTime[instances];
        var running = new bool[instances];
        var ids = new Guid[instances];
        var random = new Random(20260401);
        var span = TimeSpan.FromDays(4 * 365);
        for (var k = 0; k < instances; k++)
        {
            starts[k] = now - span + TimeSpan.FromTicks((long)(random.NextDouble() * (span - TimeSpan.FromDays(14)).Ticks));
            ids[k] = Guid.CreateVersion7(new DateTimeOffset(starts[k]));
            running[k] = now - starts[k] < TimeSpan.FromDays(3 * 365);
        }
        var sw = Stopwatch.StartNew();
        await loader.CopyRowsAsync(Enumerable.Range(0, instances).SelectMany(k => Tasks(k, ids[k], starts[k], tasksPerInstance, now, random, running)));
        var tasks = sw.Elapsed;
        sw.Restart();
        var instance = new WorkflowInstance { DefinitionId = definitionId, DefinitionVersion = 1 };
        await loader.CopyRowsAsync(Enumerable.Range(0, instances).Select(k =>
        {
            instance.Id = ids[k];
            instance.CorrelationKey = Klantreis(k);
            instance.Status = running[k] ? InstanceStatus.Running : InstanceStatus.Completed;
            instance.CreatedAtUtc = starts[k];
            instance.UpdatedAtUtc = running[k] ? now.AddDays(-random.Next(1, 60)) : starts[k].AddDays(3 * 365);
            instance.FinishedAtUtc = running[k] ? null : instance.UpdatedAtUtc;
            instance.VariablesJson = $$"""{"doelgroep":"{{(k % 3 == 0 ? "gezin" : "asiel")}}","instroom":"nieuw","kennisgevingDatum":"{{Day(starts[k])}}","brpDatum":"{{Day(starts[k].AddDays(3))}}","leerroute":"{{Routes[k % 3]}}","voortgangsgesprekken":3,"gesprekNummer":1,"dualeTraject":{{(k % 4 == 0 ? "true" : "false")}}}""";
            instance.ActivityStateJson = "{}";
            instance.JournalSequence = 40;
            instance.Version = 30;
            return (object)instance;
        }));
        return (tasks, sw.Elapsed);
    }

    private static string Klantreis(int k) => $"kr-{k:D7}";

    private static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private IEnumerable<object> Tasks(int k, Guid instanceId, DateTime start, int count, DateTime now, Random random, bool[] running)
    {
        var task = new PartnerTask();
        var lastCreated = now.AddDays(-2);
        for (var j = 0; j < count; j++)
        {
            var type = j switch
            {
                0 => "brede-intake",
                1 => "pip",
                2 => random.NextDouble() switch { < 0.60 => "b1-route", < 0.85 => "z-route", _ => "onderwijsroute" },
                _ => Draw(random),
            };
            var kind = _kinds[type];
            var r = random.NextDouble();
            var status = r < OpenShare ? PartnerTaskStatus.Open
                : r < OpenShare + 0.02 ? PartnerTaskStatus.Cancelled
                : r < OpenShare + 0.028 ? PartnerTaskStatus.Expired
                : PartnerTaskStatus.Completed;
            DateTime created, due;
            DateTime? closed = null;
            var escalations = 0;
            if (status == PartnerTaskStatus.Open)
            {
                Open++;
                running[k] = true;
                if (random.NextDouble() < OverdueShareOfOpen)
                {
                    Overdue++;
                    var daysLate = 1 + (int)(399 * Math.Pow(random.NextDouble(), 3));
                    due = now.AddDays(-daysLate).AddMinutes(-random.Next(0, 1440));
                    escalations = 1 + daysLate / 7;
                }
                else
                {
                    due = now.AddDays(1).AddMinutes(random.Next(0, 89 * 1440)); // a day ahead: still not overdue when measured
                }
                created = due.AddDays(-kind.DueDays) < now ? due.AddDays(-kind.DueDays) : now.AddHours(-1);
            }
            else
            {
                created = start + TimeSpan.FromTicks((long)((lastCreated - start).Ticks * (j + random.NextDouble()) / count));
                due = created.AddDays(kind.DueDays);
                var late = random.NextDouble() < 0.15;
                var took = late ? kind.DueDays * (1 + random.NextDouble()) : kind.DueDays * (0.1 + 0.9 * random.NextDouble());
                closed = created.AddDays(took) < now ? created.AddDays(took) : now.AddHours(-1);
                escalations = late ? 1 + (int)((closed.Value - due).TotalDays / 7) : 0;
            }
            task.Id = Guid.CreateVersion7(new DateTimeOffset(created));
            if ((k * count + j) % 100 == 0)
            {
                SampleIds.Add(task.Id);
            }
            task.InstanceId = instanceId;
            task.KlantreisId = Klantreis(k);
            task.ActivityKey = type;
            task.TaskType = type;
            task.Organisation = kind.Organisation;
            task.Assignee = random.Next(4) == 0 ? $"medewerker-{random.Next(1, 40)}" : null;
            task.Title = kind.Title;
            task.Instructions = kind.Instructions;
            task.FormJson = kind.FormJson;
            task.SharedVariablesJson = kind.SharedJson;
            task.Status = status;
            task.DueAtUtc = due;
            task.DeadlineJson = Deadline(kind, created, due);
            task.Escalations = escalations;
            task.CreatedAtUtc = created;
            task.ClosedAtUtc = closed;
            (task.Outcome, task.OutcomeJson) = status == PartnerTaskStatus.Completed ? Outcome(type, closed!.Value, random) : (null, null);
            task.CompletedBy = status == PartnerTaskStatus.Completed ? $"{kind.Organisation}/medewerker-{random.Next(1, 40)}" : null;
            task.AuditSequence = status == PartnerTaskStatus.Open ? 1 + escalations : 2 + escalations;
            task.Version = task.AuditSequence;
            yield return task;
        }
    }

    private string Draw(Random random)
    {
        var x = random.NextDouble() * _totalWeight;
        foreach (var (type, weight) in LaterSteps)
        {
            if ((x -= weight) < 0)
            {
                return type;
            }
        }
        return LaterSteps[^1].Type;
    }

    private static (string, string?) Outcome(string type, DateTime closed, Random random) => type switch
    {
        "pip" when random.NextDouble() < 0.95 => ("Vastgesteld",
            $$"""{"pipDatum":"{{Day(closed)}}","leerroute":"{{Routes[random.Next(10) switch { < 6 => 0, < 8 => 1, _ => 2 }]}}","voortgangsgesprekken":{{random.Next(2, 6)}},"voortgangInterval":null,"dualeTraject":{{(random.Next(3) == 0 ? "true" : "false")}}}"""),
        "pip" => ("WachtOpDerde", """{"derde":"Informatie van de huisarts over de belastbaarheid"}"""),
        "boete-intake" => ("Verzonden", "{}"),
        "handhaving-besluit" when random.NextDouble() < 0.7 => ("Opgelegd", $$"""{"bedrag":{{random.Next(1, 6) * 250}}}"""),
        "handhaving-besluit" => ("GeenBoete", "{}"),
        "verlenging" => ("Aangevraagd", """{"reden":"Ziekte"}"""),
        _ => ("Afgerond", random.Next(3) == 0 ? """{"toelichting":"Afgerond volgens afspraak."}""" : "{}"),
    };

    private static string Deadline(Kind kind, DateTime created, DateTime due)
    {
        var start = DateOnly.FromDateTime(created);
        var final = DateOnly.FromDateTime(due);
        return new DeadlineRecord(
            $"{kind.Title} binnen {kind.DueDays} dagen", "Beleidsplan inburgering Noordwijk 2021", kind.DueDays >= 70 ? "Wettelijk" : "Streef",
            "taak geopend", start, $"P{kind.DueDays}D", final, final, new DateTimeOffset(due),
            [], $"Uiterlijk {final:dd-MM-yyyy}",
            $"De termijn van {kind.DueDays} dagen begint op {start:dd-MM-yyyy} (taak geopend) en eindigt op {final:dd-MM-yyyy}.",
            ["P5WD", "P1WD"], "P5WD").ToJson();
    }

    /// <summary>Every PartnerTask node of the definition, first occurrence per task type.</summary>
    private static void Collect(JsonNode node, Dictionary<string, Kind> kinds)
    {
        if (node is JsonObject o)
        {
            if (o["taskType"] is JsonValue t && t.TryGetValue<string>(out var type) && !kinds.ContainsKey(type))
            {
                var title = o["title"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : "Voortgangsgesprek 2 van 3";
                kinds[type] = new Kind(type, (string)o["organisation"]!, title, (string?)o["instructions"],
                    o["form"]?.ToJsonString() ?? "{}", o["share"]?.ToJsonString() ?? "[]", DueDays.GetValueOrDefault(type, 28));
            }
            foreach (var (_, child) in o)
            {
                if (child is not null)
                {
                    Collect(child, kinds);
                }
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a)
            {
                if (child is not null)
                {
                    Collect(child, kinds);
                }
            }
        }
    }
}

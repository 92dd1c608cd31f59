using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Inburgering.Simulation.Behaviour;
using Inburgering.Simulation.Forecast;
using Inburgering.Simulation.Reports;
using Inburgering.Simulation.Scripts;
using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Stores;
using Inburgering.Workflows.Stores.Memory;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Simulation;

/// <summary>
/// Runs a forecast of people through the klantreis definition in fake time, day by day: on each day the clock moves
/// to 09:00 (every timer fires at its own moment on the way), the outside world sends the day's events, partners
/// complete the tasks they decided to complete that day, and newly opened tasks get a planned answer
/// (<see cref="PartnerBehaviour"/>). Everything goes through the real engine: runner, timers, task completion.
/// </summary>
public sealed class KlantreisSimulation(IServiceProvider services, SimulationClock clock)
{
    public const string DefinitionId = "klantreis-inburgering";

    public Task<SimulationReport> RunAsync(SimulationSettings settings, string definitionJson, CancellationToken cancellationToken = default) =>
        RunAsync(settings, definitionJson, SimulationShard.Whole, cancellationToken);

    /// <summary>
    /// Runs one <paramref name="shard"/> of the forecast: the same people are generated for every shard, and this engine
    /// takes every n-th of them (see <see cref="SimulationSettings.Shards"/>).
    /// </summary>
    public async Task<SimulationReport> RunAsync(SimulationSettings settings, string definitionJson, SimulationShard shard, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")), nameof(settings));
        }
        var watch = Stopwatch.StartNew();
        var rows = SimulationRows.For(services);
        var parallelism = services.GetRequiredService<IWorkflowStore>() is MemoryWorkflowStore
            ? settings.ParallelismInMemory
            : settings.ParallelismOn(services.GetRequiredService<ResolvedDatabase>().Provider);
        var import = await services.GetRequiredService<DefinitionStore>().ImportAsync(definitionJson, "simulatie", cancellationToken);
        if (import.Status == DefinitionImportStatus.Invalid)
        {
            throw new ArgumentException("The klantreis definition is invalid: " + string.Join("; ", import.Errors), nameof(definitionJson));
        }
        var runner = services.GetRequiredService<WorkflowRunner>();
        var dbFactory = services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
        var calendar = services.GetRequiredService<BusinessCalendar>();
        var script = new ScriptRunner(runner, services.GetRequiredService<TimerDispatcher>(), dbFactory, calendar, clock);

        var random = new Random(settings.Seed);
        var people = shard.Take(PersonGenerator.Generate(settings, random));
        // One shard goes on with the generator's sequence (the results of an unsharded run stay as they were); each of
        // several draws its own, so a run is repeatable for a given number of shards.
        random = shard.Count == 1 ? random : new Random(unchecked((settings.Seed * 7919) + shard.Index + 1));
        var behaviour = new PartnerBehaviour(random);
        var byId = people.ToDictionary(p => p.KlantreisId, StringComparer.Ordinal);
        var agenda = new SortedDictionary<DateOnly, List<Func<CancellationToken, Task>>>();
        void Plan(DateOnly day, Func<CancellationToken, Task> action)
        {
            if (!agenda.TryGetValue(day, out var list))
            {
                agenda[day] = list = [];
            }
            list.Add(action);
        }
        void PlanEvent(PlannedEvent e) => Plan(e.Day, ct => runner.DeliverEventByCorrelationAsync(e.KlantreisId, e.Name, e.Data, cancellationToken: ct));
        foreach (var person in people)
        {
            var variables = new JsonObject { ["doelgroep"] = person.Doelgroep, ["naam"] = $"Inburgeraar {person.KlantreisId}" };
            if (person.Doelgroep == "asiel")
            {
                variables["koppelingDatum"] = Day(person.Arrival);
            }
            Plan(person.Arrival, ct => runner.StartAsync(new StartInstanceRequest(DefinitionId, CorrelationKey: person.KlantreisId, Variables: variables), ct));
            PlanEvent(new PlannedEvent(Max(person.KennisgevingOntvangen, person.Arrival), person.KlantreisId, "DuoKennisgeving", new JsonObject { ["datum"] = Day(person.KennisgevingDatum) }));
            if (person.BrpDatum is { } brp)
            {
                PlanEvent(new PlannedEvent(brp, person.KlantreisId, "BrpIngeschreven", new JsonObject { ["datum"] = Day(brp) }));
                PlanEvent(new PlannedEvent(brp.AddDays(random.Next(3, 11)), person.KlantreisId, "BijstandToegekend", new JsonObject { ["ingangsDatum"] = Day(brp) }));
            }
        }

        var end = settings.Start.AddMonths(settings.Months);
        var (timersTime, actionsTime, scanTime) = (new Stopwatch(), new Stopwatch(), new Stopwatch());
        var seen = new HashSet<Guid>();
        var lastScan = DateTime.UnixEpoch;
        for (var day = settings.Start; day < end; day = day.AddDays(1))
        {
            timersTime.Start();
            var fired = await script.AdvanceToAsync(script.At(day), cancellationToken);
            timersTime.Stop();
            var acted = false;
            if (agenda.Remove(day, out var actions))
            {
                acted = true;
                actionsTime.Start();
                await Parallel.ForEachAsync(actions, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                    async (action, ct) => await action(ct));
                actionsTime.Stop();
            }
            if (fired == 0 && !acted)
            {
                continue; // nothing ran today, so no task can have opened
            }
            scanTime.Start();
            // Tasks opened since the last look (by today's actions or by timers fired on the way) get their answer.
            var events = new List<PlannedEvent>();
            foreach (var (task, variablesJson) in await rows.NewOpenTasksAsync(lastScan, cancellationToken))
            {
                if (!seen.Add(task.Id) || !byId.TryGetValue(task.KlantreisId, out var person))
                {
                    continue;
                }
                var opened = calendar.ToLocalDate(new DateTimeOffset(task.CreatedAtUtc, TimeSpan.Zero));
                var due = DeadlineRecord.Parse(task.DeadlineJson)?.Final;
                var response = behaviour.Respond(task.TaskType, person, opened, due, JsonNode.Parse(variablesJson)!.AsObject(), events);
                if (response.Day is { } answerDay)
                {
                    var command = new CompleteTaskCommand(task.Id, TaskActor.Partner("simulatie", task.Organisation), response.Outcome,
                        response.Fields.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal));
                    Plan(Max(answerDay, day.AddDays(1)), ct => runner.CompleteTaskAsync(command, ct));
                }
            }
            events.ForEach(e => PlanEvent(e with { Day = Max(e.Day, day.AddDays(1)) }));
            lastScan = clock.UtcNow.UtcDateTime.AddSeconds(-1);
            scanTime.Stop();
        }
        var report = await ReportAsync(rows, calendar, settings, people.Count, end, watch.Elapsed, cancellationToken);
        return report with { TimersTime = timersTime.Elapsed, ActionsTime = actionsTime.Elapsed, ScanTime = scanTime.Elapsed };
    }

    private static async Task<SimulationReport> ReportAsync(
        SimulationRows stored, BusinessCalendar calendar, SimulationSettings settings, int people, DateOnly end, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var tasks = await stored.AllTasksAsync(cancellationToken);
        var instances = (await stored.AllInstancesAsync(cancellationToken)).Select(i => new { i.Version, i.VariablesJson }).ToList();
        DateOnly Month(DateTime utc) { var d = calendar.ToLocalDate(new DateTimeOffset(utc, TimeSpan.Zero)); return new DateOnly(d.Year, d.Month, 1); }
        bool Late(PartnerTask t) => t.DueAtUtc is { } due && t.ClosedAtUtc > due;

        var rows = new List<PartnerMonth>();
        for (var month = new DateOnly(settings.Start.Year, settings.Start.Month, 1); month < end; month = month.AddMonths(1))
        {
            var monthEnd = calendar.EndOfDayUtc(month.AddMonths(1).AddDays(-1)).UtcDateTime;
            foreach (var organisation in tasks.Select(t => t.Organisation).Distinct().Order(StringComparer.Ordinal))
            {
                var mine = tasks.Where(t => t.Organisation == organisation).ToList();
                var completed = mine.Where(t => t.Status == PartnerTaskStatus.Completed && Month(t.ClosedAtUtc!.Value) == month).ToList();
                var row = new PartnerMonth(month, organisation,
                    Opened: mine.Count(t => Month(t.CreatedAtUtc) == month),
                    Completed: completed.Count,
                    OnTime: completed.Count(t => !Late(t)),
                    Late: completed.Count(Late),
                    Expired: mine.Count(t => t.Status == PartnerTaskStatus.Expired && Month(t.ClosedAtUtc!.Value) == month),
                    OpenOverdue: mine.Count(t => t.CreatedAtUtc <= monthEnd && t.DueAtUtc < monthEnd && (t.ClosedAtUtc is null || t.ClosedAtUtc > monthEnd)));
                if (row.Opened + row.Completed + row.Expired + row.OpenOverdue > 0)
                {
                    rows.Add(row);
                }
            }
        }
        var fines = instances
            .SelectMany(i => JsonNode.Parse(i.VariablesJson)?["boetes"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(f => f["status"]?.GetValue<string>() != "herroepen" && f["datum"] is not null)
            .GroupBy(f => { var d = DateOnly.Parse(f["datum"]!.GetValue<string>(), CultureInfo.InvariantCulture); return new DateOnly(d.Year, d.Month, 1); })
            .OrderBy(g => g.Key)
            .Select(g => new FineMonth(g.Key, g.Count(), g.Sum(f => f["bedrag"]?.GetValue<decimal>() ?? 0)))
            .ToList();
        var endUtc = calendar.EndOfDayUtc(end).UtcDateTime;
        var withDeadline = tasks.Where(t => t.DueAtUtc is not null && (t.Status != PartnerTaskStatus.Open || t.DueAtUtc < endUtc)).ToList();
        var met = withDeadline.Count(t => t.Status == PartnerTaskStatus.Completed && !Late(t));
        return new SimulationReport(rows, fines, people, instances.Count, instances.Sum(i => (long)i.Version), tasks.Count,
            DeadlinesMet: met, DeadlinesMissed: withDeadline.Count(t => t.Status != PartnerTaskStatus.Cancelled) - met, elapsed);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

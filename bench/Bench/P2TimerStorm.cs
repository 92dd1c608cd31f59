using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Hangfire;
using Inburgering.Workflows.Execution;
using Npgsql;
using static Inburgering.Bench.Stats;

namespace Inburgering.Bench;

/// <summary>
/// P2: a storm of timers all due at one instant T, fired through Hangfire wake jobs as in the Host, against a baseline of
/// as many Hangfire delayed jobs due at one moment, each doing one trivial durable write. P2b: lateness of isolated
/// timers (each alone at its moment), also fired by Hangfire wake jobs. Both in one database ("bench_p2") with the
/// Hangfire server in this process (schema "hangfire", 5 workers, polling 1 s).
/// </summary>
internal static class P2TimerStorm
{
    public const double RatioGoal = 8;
    public const double EngineGoalSeconds = 10;
    public const double P50GoalSeconds = 1;
    public const double P99GoalSeconds = 2;

    public const string StormId = "bench-p2-storm";
    public const string IsolatedId = "bench-p2-isolated";

    private static string DelayDefinition(string id, string name, JsonNode duration, bool withVariable) => new JsonObject
    {
        ["id"] = id,
        ["name"] = name,
        ["description"] = "Benchmarkdefinitie: start, wachttijd, einde.",
        ["variables"] = withVariable ? new JsonArray(new JsonObject { ["name"] = "wacht", ["type"] = "duration" }) : new JsonArray(),
        ["activities"] = new JsonArray(
            new JsonObject { ["key"] = "start", ["type"] = "Start" },
            new JsonObject { ["key"] = "wacht", ["type"] = "Delay", ["inputs"] = new JsonObject { ["duration"] = duration } },
            new JsonObject { ["key"] = "einde", ["type"] = "End" }),
        ["connections"] = new JsonArray(
            new JsonObject { ["from"] = "start", ["outcome"] = "Verder", ["to"] = "wacht" },
            new JsonObject { ["from"] = "wacht", ["outcome"] = "Verder", ["to"] = "einde" }),
    }.ToJsonString();

    public static async Task<bool> RunAsync(BenchOptions options, SqlCounter sql, TextWriter output)
    {
        var clock = new BenchClock();
        await using var host = await EngineHost.CreateAsync(options.ConnectionString, "bench_p2", (services, cs) => HangfireWiring.Register(services, cs, clock));
        using var hangfire = HangfireWiring.Start(host.Services);
        output.WriteLine("P2 Hangfire server in this process: PostgreSQL storage in the engine's database (schema hangfire), WorkerCount 5, SchedulePollingInterval 1 s, QueuePollInterval 1 s; recurring sweep every minute + one at start-up");

        var ok = await IsolatedAsync(options, host, sql, output);
        if (options.Which is "p2" or "all")
        {
            ok &= await StormAsync(options, host, hangfire, clock, sql, output);
        }
        output.WriteLine($"P2 memory: {Memory()}");
        return ok;
    }

    // ---------------------------------------------------------------- P2b: isolated timers

    private static async Task<bool> IsolatedAsync(BenchOptions options, EngineHost host, SqlCounter sql, TextWriter output)
    {
        var count = options.IsolatedTimers;
        var spacing = options.IsolatedSpacing;
        output.WriteLine($"== P2b lateness of isolated timers: {count} timers {spacing} s apart, each alone at its moment, fired by Hangfire wake jobs; lateness = TimerFired AtUtc (the burst's clock) - due time");
        await PublishAsync(host, DelayDefinition(IsolatedId, "Bench: losse timer", new JsonObject { ["expression"] = "variables.wacht" }, withVariable: true));

        // Random pauses between the starts give the due times random fractions of a second (the wake job is rounded up to
        // the next whole second, so the fraction matters).
        var random = new Random(20260504);
        var ids = new Guid[count];
        var due = new DateTime[count];
        var t0 = Clock();
        var firstDue = t0 + TimeSpan.FromSeconds(5 + (count * 0.3));
        for (var i = 0; i < count; i++)
        {
            await Task.Delay(random.Next(0, 250));
            var seconds = (int)Math.Round((firstDue + TimeSpan.FromSeconds(spacing * i) - Clock()).TotalSeconds);
            var started = await host.Runner.StartAsync(new StartInstanceRequest(IsolatedId, CorrelationKey: $"p2b-{i}",
                Variables: new JsonObject { ["wacht"] = $"PT{seconds}S" }));
            ids[i] = started.Id;
            due[i] = await DueAsync(host, started.Id);
        }
        var startsDone = Clock();
        if (due.Min() < startsDone.UtcDateTime)
        {
            output.WriteLine("P2b WARNING: the first timer came due before all were started; the first lateness figures overlap with starts");
        }
        output.WriteLine($"P2b started {count} instances in {F((startsDone - t0).TotalSeconds, 1)} s; due from {due.Min():HH:mm:ss.fff} to {due.Max():HH:mm:ss.fff} UTC");

        // The SQL of one timer firing: capture the engine's commands until the first timer is gone (nothing else runs).
        var before = sql.Snapshot();
        sql.Capture(options.ShowSql);
        while (await TimersLeftAsync(host, [ids[0]]) > 0)
        {
            await Task.Delay(20);
        }
        await Task.Delay(50);
        sql.Capture(false);
        var afterFirst = sql.Snapshot();
        output.WriteLine($"P2b one timer firing (claim round + burst) = {afterFirst.Commands - before.Commands} round trips (EF commands), {afterFirst.Statements - before.Statements} SQL statements, {afterFirst.Commits - before.Commits} commit(s){(options.ShowSql ? ":" : "")}");
        if (options.ShowSql)
        {
            foreach (var line in SqlCounter.Summarize(sql.Captured.Where(c => c != "COMMIT")))
            {
                output.WriteLine(line);
            }
        }

        var deadline = new DateTimeOffset(due.Max(), TimeSpan.Zero) + TimeSpan.FromSeconds(90);
        while (await TimersLeftAsync(host, ids) > 0)
        {
            if (Clock() > deadline)
            {
                output.WriteLine($"P2b FAIL: {await TimersLeftAsync(host, ids)} of {count} timers had not fired 90 s after the last due time");
                return false;
            }
            await Task.Delay(200);
        }

        var fired = await FiredAtAsync(host, ids);
        var lateness = new double[count];
        var roundUp = new double[count];
        for (var i = 0; i < count; i++)
        {
            if (!fired.TryGetValue(ids[i], out var at) || at.Count != 1)
            {
                throw new InvalidOperationException($"P2b: instance {ids[i]} has {(fired.TryGetValue(ids[i], out var a) ? a.Count : 0)} TimerFired entries, expected 1");
            }
            lateness[i] = (at[0] - due[i]).TotalSeconds;
            // What the wake job's rounding up to the next whole second costs this timer by design.
            var wake = DateTime.UnixEpoch.AddSeconds(Math.Floor((due[i] - DateTime.UnixEpoch).TotalSeconds) + 1);
            roundUp[i] = (wake - due[i]).TotalSeconds;
        }
        var completed = await host.ScalarAsync($"SELECT count(*) FROM workflow_instances WHERE \"DefinitionId\" = '{IsolatedId}' AND \"Status\" = 'Completed'");
        if (completed != count)
        {
            throw new InvalidOperationException($"P2b: {completed} of {count} instances Completed");
        }
        var mean = lateness.Average();
        var sorted = lateness.Order().ToArray();
        var (p50, p99) = (Percentile(sorted, 50), Percentile(sorted, 99));
        output.WriteLine($"P2b check: {count} TimerFired entries (one per instance), {count} instances Completed, no timer rows left: OK");
        output.WriteLine($"P2b lateness: min {F(sorted[0], 3)} s | p50 {F(p50, 3)} s | p90 {F(Percentile(sorted, 90), 3)} s | p99 {F(p99, 3)} s | max {F(sorted[^1], 3)} s | mean {F(mean, 3)} s (n={count}; p99 of {count} is the max)");
        var afterWake = lateness.Zip(roundUp, (l, r) => l - r).Order().ToArray();
        output.WriteLine($"P2b where it goes: rounding the wake job up to the next second {F(roundUp.Average(), 3)} s on average (by design, 0-1 s); " +
                         $"from that whole second to the burst: p50 {F(Percentile(afterWake, 50), 3)} s, max {F(afterWake[^1], 3)} s, min {F(afterWake[0], 3)} s (Hangfire schedule poll 1 s, queue, worker, dispatcher claim)");
        // A wake job that Hangfire starts before its timer is due finds nothing to claim; the timer then waits for the next
        // wake job or the minute sweep. Count the timers that look like that (more than 3 s late), and the early wake jobs.
        var early = afterWake.Count(x => x < 0);
        var stragglers = lateness.Count(x => x > 3);
        output.WriteLine($"P2b wake jobs that started before their whole second: {early} of {count}; timers more than 3 s late (a wake job missed them, left to the sweep): {stragglers}");
        var pass = p50 <= P50GoalSeconds && p99 <= P99GoalSeconds;
        output.WriteLine($"P2b lateness p50 {F(p50, 3)} s (goal <= {F(P50GoalSeconds, 0)} s), p99 {F(p99, 3)} s (goal <= {F(P99GoalSeconds, 0)} s) {(pass ? "PASS" : "FAIL")}");
        return pass;
    }

    // ---------------------------------------------------------------- P2: the storm and its baseline

    private static async Task<bool> StormAsync(BenchOptions options, EngineHost host, HangfireWiring hangfire, BenchClock clock, SqlCounter sql, TextWriter output)
    {
        var n = options.StormTimers;
        output.WriteLine($"== P2 timer storm: {N(n)} instances Start -> Delay -> End, all timers due at one instant T, fired by Hangfire wake jobs; baseline {N(options.BaselineJobs)} Hangfire delayed jobs due at one moment, one INSERT each");

        // How long will the starts take? Calibrate on a throwaway database, then choose T with margin.
        double rate;
        await using (var calibration = await EngineHost.CreateAsync(options.ConnectionString, "bench_p2cal"))
        {
            await PublishAsync(calibration, DelayDefinition(StormId, "Bench: timerstorm", "PT1H", withVariable: false));
            var calCount = Math.Min(300, n);
            var elapsed = await RunConcurrentAsync(8, calCount, i => calibration.Runner.StartAsync(new StartInstanceRequest(StormId, CorrelationKey: $"cal-{i}")));
            rate = calCount / elapsed.TotalSeconds;
        }
        var now = Clock();
        var frozenAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var lead = TimeSpan.FromSeconds((1.6 * n / rate) + 15);
        var t = DateTimeOffset.FromUnixTimeSeconds((now + lead).ToUnixTimeSeconds() + 1);
        var delay = (int)(t - frozenAt).TotalSeconds;
        output.WriteLine($"P2 calibration: {F(rate, 0)} starts/s at C=8 on a throwaway database; T = {t:HH:mm:ss} UTC ({F((t - now).TotalSeconds, 0)} s from now)");

        await PublishAsync(host, DelayDefinition(StormId, "Bench: timerstorm", $"PT{delay}S", withVariable: false));
        var scheduler = (BenchTimerScheduler)host.Services.GetService(typeof(Workflows.Timers.ITimerScheduler))!;
        var wakeJobsBefore = scheduler.Scheduled;
        // Frozen clock: every start's burst sees the same now, so every Delay of PT{delay}S lands exactly on T.
        clock.Freeze(frozenAt);
        var sw = Stopwatch.StartNew();
        try
        {
            await RunConcurrentAsync(8, n, async i => await host.Runner.StartAsync(new StartInstanceRequest(StormId, CorrelationKey: $"storm-{i}")));
        }
        finally
        {
            clock.Unfreeze();
        }
        var loaded = Clock();
        output.WriteLine($"P2 started {N(n)} instances through the runner (C=8, engine clock frozen at {frozenAt:HH:mm:ss}) in {F(sw.Elapsed.TotalSeconds, 1)} s ({F(n / sw.Elapsed.TotalSeconds, 0)}/s); " +
                         $"{N(await host.ScalarAsync($"SELECT count(*) FROM workflow_timers WHERE \"DueAtUtc\" = '{t.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00'"))} timer rows due at T, " +
                         $"{scheduler.Scheduled - wakeJobsBefore} Hangfire wake job(s) scheduled (for {t.AddSeconds(1):HH:mm:ss})");
        var valid = true;
        if (loaded > t - TimeSpan.FromSeconds(1))
        {
            output.WriteLine($"P2 INVALID: the starts ended {F((loaded - t).TotalSeconds, 1)} s after T - 1 s; the storm figure below includes the overrun");
            valid = false;
        }

        await Task.Delay(Max(TimeSpan.Zero, t - Clock()));
        var before = sql.Snapshot();
        var engine = await WaitUntilAsync(t, TimeSpan.FromSeconds(options.StormTimeout), () => host.ScalarAsync("SELECT count(*) FROM workflow_timers"), left => left == 0);
        var after = sql.Snapshot();
        if (engine.TimedOut)
        {
            output.WriteLine($"P2 FAIL: {N(engine.Last)} timers still not fired {options.StormTimeout} s after T");
        }
        var journal = await StormJournalAsync(host, t);
        output.WriteLine($"P2 engine: all {N(n)} timer bursts committed {F(engine.Seconds, 2)} s after T (poll every 100 ms) | first TimerFired at T+{F(journal.First, 2)} s, last at T+{F(journal.Last, 2)} s, " +
                         $"last InstanceCompleted at T+{F(journal.LastCompleted, 2)} s | {F(n / Math.Max(0.001, journal.Last - journal.First), 0)} timers/s while firing | wake jobs run so far {BenchTimerJobs.WakeRuns}");
        output.WriteLine($"P2 engine per timer: {F((after.Commands - before.Commands) / (double)n, 2)} round trips (EF commands), {F((after.Statements - before.Statements) / (double)n, 2)} SQL statements, " +
                         $"{F((after.Commits - before.Commits) / (double)n, 2)} commits; SQL wait {F((after.InDatabase - before.InDatabase).TotalMilliseconds / n, 2)} ms per timer summed over the parallel bursts");
        await CheckStormAsync(host, n);
        output.WriteLine($"P2 check: exactly {N(n)} TimerFired entries (one per instance), {N(n)} instances Completed with one InstanceCompleted each, no timer rows left, no incidents: OK");
        output.WriteLine($"P2 memory after the storm: {Memory()}");

        var baseline = await BaselineAsync(options, host, hangfire, output);
        var ratio = baseline.Seconds / engine.Seconds;
        var pass = valid && !engine.TimedOut && !baseline.TimedOut && ratio >= RatioGoal && engine.Seconds <= EngineGoalSeconds;
        var baselineText = baseline.TimedOut ? $"> {F(baseline.Seconds, 1)} s (timed out, {N(baseline.Last)} of {N(options.BaselineJobs)} done)" : $"{F(baseline.Seconds, 2)} s";
        output.WriteLine($"P2 engine {F(engine.Seconds, 2)} s (goal <= {F(EngineGoalSeconds, 0)} s) | baseline {baselineText} | ratio {(baseline.TimedOut ? ">= " : "")}{F(ratio, 1)}x (goal >= {F(RatioGoal, 0)}x) {(pass ? "PASS" : "FAIL")}" +
                         (baseline.TimedOut ? " (baseline timed out: the ratio is a lower bound)" : ""));
        return pass;
    }

    private static async Task<Waited> BaselineAsync(BenchOptions options, EngineHost host, HangfireWiring hangfire, TextWriter output)
    {
        var n = options.BaselineJobs;
        await host.ExecuteAsync("CREATE TABLE bench_p2_baseline (n integer PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp())");
        var client = hangfire.Client;

        // Calibrate the schedule rate with jobs due far in the future (they never run), then choose the due moment with margin.
        var calCount = Math.Min(200, n);
        var far = Clock().AddDays(1);
        var cal = await RunConcurrentAsync(4, calCount, _ => Task.Run(() => client.Schedule(() => BaselineWriteJob.Nothing(), far)));
        var rate = calCount / cal.TotalSeconds;
        var now = Clock();
        var due = DateTimeOffset.FromUnixTimeSeconds((now + TimeSpan.FromSeconds((1.6 * n / rate) + 10)).ToUnixTimeSeconds() + 1);
        output.WriteLine($"P2 baseline calibration: {F(rate, 0)} schedules/s (4 threads); due moment {due:HH:mm:ss} UTC ({F((due - now).TotalSeconds, 0)} s from now)");
        var sw = Stopwatch.StartNew();
        await RunConcurrentAsync(4, n, i => Task.Run(() => client.Schedule<BaselineWriteJob>(j => j.WriteAsync(i), due)));
        var scheduled = Clock();
        output.WriteLine($"P2 baseline scheduled {N(n)} delayed jobs in {F(sw.Elapsed.TotalSeconds, 1)} s ({F(n / sw.Elapsed.TotalSeconds, 0)}/s)");
        if (scheduled > due)
        {
            output.WriteLine($"P2 baseline INVALID: scheduling ended {F((scheduled - due).TotalSeconds, 1)} s after the due moment");
        }
        await Task.Delay(Max(TimeSpan.Zero, due - Clock()));
        var waited = await WaitUntilAsync(due, TimeSpan.FromSeconds(options.BaselineTimeout), () => host.ScalarAsync("SELECT count(*) FROM bench_p2_baseline"), done => done >= n);
        if (waited.TimedOut)
        {
            output.WriteLine($"P2 baseline TIMEOUT: only {N(waited.Last)} of {N(n)} writes after {options.BaselineTimeout} s ({F(waited.Last / (double)options.BaselineTimeout, 0)} jobs/s); not shrunk, the ratio below is a lower bound (raise --baseline-timeout to finish)");
            return waited;
        }
        var first = await host.ScalarAsync($"SELECT (extract(epoch FROM min(at)) * 1000)::bigint FROM bench_p2_baseline") / 1000.0 - due.ToUnixTimeMilliseconds() / 1000.0;
        var last = await host.ScalarAsync($"SELECT (extract(epoch FROM max(at)) * 1000)::bigint FROM bench_p2_baseline") / 1000.0 - due.ToUnixTimeMilliseconds() / 1000.0;
        output.WriteLine($"P2 baseline: all {N(n)} writes committed {F(waited.Seconds, 2)} s after the due moment (poll every 100 ms) | first write at due+{F(first, 2)} s, last at due+{F(last, 2)} s | {F(n / Math.Max(0.001, last - first), 0)} jobs/s while running");
        return waited;
    }

    private sealed record Waited(double Seconds, bool TimedOut, long Last);

    /// <summary>Polls <paramref name="probe"/> every 100 ms until <paramref name="done"/>; seconds are measured from <paramref name="from"/>.</summary>
    private static async Task<Waited> WaitUntilAsync(DateTimeOffset from, TimeSpan timeout, Func<Task<long>> probe, Func<long, bool> done)
    {
        while (true)
        {
            var value = await probe();
            var elapsed = (Clock() - from).TotalSeconds;
            if (done(value))
            {
                return new Waited(elapsed, false, value);
            }
            if (elapsed > timeout.TotalSeconds)
            {
                return new Waited(elapsed, true, value);
            }
            await Task.Delay(100);
        }
    }

    private sealed record StormTimes(double First, double Last, double LastCompleted);

    private static async Task<StormTimes> StormJournalAsync(EngineHost host, DateTimeOffset t)
    {
        async Task<double> Seconds(string aggregate, string kind) =>
            await host.ScalarAsync($"""
                SELECT (extract(epoch FROM {aggregate}(j."AtUtc")) * 1000)::bigint FROM workflow_journal j
                JOIN workflow_instances i ON i."Id" = j."InstanceId"
                WHERE i."DefinitionId" = '{StormId}' AND j."Kind" = '{kind}'
                """) / 1000.0 - t.ToUnixTimeMilliseconds() / 1000.0;
        return new StormTimes(await Seconds("min", "TimerFired"), await Seconds("max", "TimerFired"), await Seconds("max", "InstanceCompleted"));
    }

    private static async Task CheckStormAsync(EngineHost host, int n)
    {
        async Task Expect(string what, string query, long expected)
        {
            var actual = await host.ScalarAsync(query);
            if (actual != expected)
            {
                throw new InvalidOperationException($"P2 check failed: {what} = {actual}, expected {expected}");
            }
        }
        const string Storm = $"SELECT \"Id\" FROM workflow_instances WHERE \"DefinitionId\" = '{StormId}'";
        await Expect("storm instances", $"SELECT count(*) FROM ({Storm}) s", n);
        await Expect("TimerFired entries", $"SELECT count(*) FROM workflow_journal WHERE \"Kind\" = 'TimerFired' AND \"InstanceId\" IN ({Storm})", n);
        await Expect("instances with exactly one TimerFired", $"SELECT count(*) FROM (SELECT \"InstanceId\" FROM workflow_journal WHERE \"Kind\" = 'TimerFired' AND \"InstanceId\" IN ({Storm}) GROUP BY 1 HAVING count(*) = 1) x", n);
        await Expect("Completed instances", $"SELECT count(*) FROM workflow_instances WHERE \"DefinitionId\" = '{StormId}' AND \"Status\" = 'Completed'", n);
        await Expect("InstanceCompleted entries", $"SELECT count(*) FROM workflow_journal WHERE \"Kind\" = 'InstanceCompleted' AND \"InstanceId\" IN ({Storm})", n);
        await Expect("instances with exactly one InstanceCompleted", $"SELECT count(*) FROM (SELECT \"InstanceId\" FROM workflow_journal WHERE \"Kind\" = 'InstanceCompleted' AND \"InstanceId\" IN ({Storm}) GROUP BY 1 HAVING count(*) = 1) x", n);
        await Expect("timer rows left", "SELECT count(*) FROM workflow_timers", 0);
        await Expect("open waits left", $"SELECT count(*) FROM workflow_waits WHERE \"InstanceId\" IN ({Storm})", 0);
        await Expect("incidents", "SELECT count(*) FROM workflow_incidents", 0);
    }

    // ---------------------------------------------------------------- helpers

    private static DateTimeOffset Clock() => TimeProvider.System.GetUtcNow();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static async Task PublishAsync(EngineHost host, string json)
    {
        var result = await host.Definitions.ImportAsync(json, "bench");
        if (result.Status != Workflows.Definitions.DefinitionImportStatus.Published)
        {
            throw new InvalidOperationException($"Publishing failed ({result.Status}): {string.Join("; ", result.Errors)}");
        }
    }

    private static async Task<DateTime> DueAsync(EngineHost host, Guid instanceId)
    {
        await using var cmd = host.DataSource.CreateCommand("SELECT \"DueAtUtc\" FROM workflow_timers WHERE \"InstanceId\" = $1");
        cmd.Parameters.AddWithValue(instanceId);
        return (DateTime)(await cmd.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No timer row for {instanceId}"));
    }

    private static async Task<long> TimersLeftAsync(EngineHost host, Guid[] ids)
    {
        await using var cmd = host.DataSource.CreateCommand("SELECT count(*) FROM workflow_timers WHERE \"InstanceId\" = ANY($1)");
        cmd.Parameters.AddWithValue(ids);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<Dictionary<Guid, List<DateTime>>> FiredAtAsync(EngineHost host, Guid[] ids)
    {
        await using var cmd = host.DataSource.CreateCommand("SELECT \"InstanceId\", \"AtUtc\" FROM workflow_journal WHERE \"Kind\" = 'TimerFired' AND \"InstanceId\" = ANY($1)");
        cmd.Parameters.AddWithValue(ids);
        var result = new Dictionary<Guid, List<DateTime>>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetGuid(0);
            if (!result.TryGetValue(id, out var list))
            {
                result[id] = list = [];
            }
            list.Add(reader.GetDateTime(1));
        }
        return result;
    }
}

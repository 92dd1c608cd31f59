using System.Collections.Concurrent;
using Inburgering.Workflows.Execution;
using static Inburgering.Bench.Stats;

namespace Inburgering.Bench;

/// <summary>
/// P1: instances started to their first waits per second (Start → Fork → 3 × WaitForEvent), with C concurrent starters,
/// against the durability floor of the same server: raw Npgsql single-row INSERT + COMMIT transactions per second at the same C.
/// </summary>
internal static class P1StartThroughput
{
    public const double Goal = 0.5;

    private const int Rounds = 5;

    public static async Task<bool> RunAsync(BenchOptions options, SqlCounter sql, TextWriter output)
    {
        output.WriteLine($"== P1 start throughput: {N(options.Starts)} starts per C after {N(options.Warmup)} warm-up, C = {string.Join(", ", options.Concurrency)}");
        await using var host = await EngineHost.CreateAsync(options.ConnectionString, "bench_p1");
        var version = await host.PublishAsync();
        await CommitBaseline.CreateTableAsync(host);
        var runner = host.Runner;
        var started = new ConcurrentBag<Guid>();

        async Task<Guid> StartOne(string key)
        {
            var instance = await runner.StartAsync(new StartInstanceRequest(BenchDefinition.Id, CorrelationKey: key));
            started.Add(instance.Id);
            return instance.Id;
        }

        async Task BaselineOne()
        {
            await using var connection = await host.DataSource.OpenConnectionAsync();
            await CommitBaseline.InsertAndCommitAsync(connection);
        }

        // What one start costs in SQL (first start after the definition is cached).
        await StartOne("probe-0");
        var before = sql.Snapshot();
        sql.Capture(options.ShowSql);
        var probe = await StartOne("probe-1");
        sql.Capture(false);
        var after = sql.Snapshot();
        output.WriteLine($"P1 one start = {after.Commands - before.Commands} round trips (EF commands), {after.Statements - before.Statements} SQL statements, {after.Commits - before.Commits} commit(s)");
        var floor = await P1Floor.CaptureAsync(host, probe, options.FloorJournalRows);
        var floorWritten = 0;
        output.WriteLine($"P1 floor: the same rows without the engine, one batch per start: {floor.Tables} ({floor.RowsPerStart} rows)");
        if (options.ShowSql)
        {
            foreach (var line in SqlCounter.Summarize(sql.Captured.Where(c => c != "COMMIT")))
            {
                output.WriteLine(line);
            }
        }

        // Steady state: keep warming up until the JIT has (nearly) stopped compiling. With only a fixed warm-up, on a busy
        // machine the first C measured ran partly on unoptimized code and paid for the JIT (the engine has far more code
        // to tier up than the one-statement baseline), which made that C look worse than the later ones.
        var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var warmups = 0;
        for (var batch = 0; batch < 20; batch++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            await Stats.RunConcurrentAsync(4, options.Warmup, i => BaselineOne());
            await Stats.RunConcurrentAsync(4, options.Warmup, i => StartOne($"jit-{batch}-{i}"));
            floor.Prepare(options.Warmup);
            await Stats.RunConcurrentAsync(4, options.Warmup, floor.WriteAsync);
            floorWritten += options.Warmup;
            warmups += options.Warmup;
            if (batch >= 2 && System.Runtime.JitInfo.GetCompiledMethodCount() - compiled < 10)
            {
                break;
            }
        }
        output.WriteLine($"P1 warm-up until the JIT settled: {N(warmups)} starts and baseline transactions at C=4, {N(System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore)} methods compiled");

        var pass = true;
        foreach (var c in options.Concurrency)
        {
            var prefix = $"c{c}";
            await Stats.RunConcurrentAsync(c, options.Warmup, i => BaselineOne());
            await Stats.RunConcurrentAsync(c, options.Warmup, i => StartOne($"{prefix}-w{i}"));
            // Baseline, floor and engine alternate in rounds so that noise from other work on the machine hits them alike.
            var baseline = TimeSpan.Zero;
            var engine = TimeSpan.Zero;
            var floorTime = TimeSpan.Zero;
            var baselineCpu = new CpuTotal();
            var engineCpu = new CpuTotal();
            var floorCpu = new CpuTotal();
            var s0 = sql.Snapshot();
            for (var round = 0; round < Rounds; round++)
            {
                var count = options.Starts / Rounds + (round < options.Starts % Rounds ? 1 : 0);
                baseline += await CpuMeter.MeasureAsync(() => Stats.RunConcurrentAsync(c, count, i => BaselineOne()), baselineCpu);
                floor.Prepare(count);
                floorTime += await CpuMeter.MeasureAsync(() => Stats.RunConcurrentAsync(c, count, floor.WriteAsync), floorCpu);
                floorWritten += count;
                var offset = round * options.Starts;
                engine += await CpuMeter.MeasureAsync(() => Stats.RunConcurrentAsync(c, count, i => StartOne($"{prefix}-{offset + i}")), engineCpu);
            }
            var s1 = sql.Snapshot();
            var engineRate = options.Starts / engine.TotalSeconds;
            var baselineRate = options.Starts / baseline.TotalSeconds;
            var ratio = engineRate / baselineRate;
            var ok = ratio >= Goal;
            if (c == 4)
            {
                pass &= ok;
            }
            output.WriteLine(
                $"P1 C={c} engine {F(engineRate)} starts/s ({F(engine.TotalMilliseconds * c / options.Starts, 2)} ms/start/worker) | baseline {F(baselineRate)} tx/s | ratio {F(ratio, 2)} (goal >= {F(Goal, 1)}) {(ok ? "PASS" : "FAIL")}" +
                $" | {F((double)(s1.Commands - s0.Commands) / options.Starts, 2)} round trips/start, {F((s1.InDatabase - s0.InDatabase).TotalMilliseconds / options.Starts, 2)} ms/start waiting on SQL");
            output.WriteLine($"P1 C={c} engine {engineCpu.PerOperation(options.Starts)} | baseline {baselineCpu.PerOperation(options.Starts)} | {F((double)(s1.Commits - s0.Commits) / options.Starts, 2)} commits/start");
            var floorRate = options.Starts / floorTime.TotalSeconds;
            output.WriteLine($"P1 C={c} floor (a start's rows without the engine) {F(floorRate)} starts/s, {floorCpu.PerOperation(options.Starts)} | floor/baseline {F(floorRate / baselineRate, 2)} = the best an engine committing each start alone reaches here | engine/floor {F(engineRate / floorRate, 2)}");
        }

        // Where a start's time goes: sequential starts with every command timed (not part of the figures above).
        var profileCount = Math.Min(300, options.Starts);
        sql.Profiling(true);
        var profiled = await Stats.RunConcurrentAsync(1, profileCount, i => StartOne($"profile-{i}"));
        sql.Profiling(false);
        output.WriteLine($"P1 profile, {profileCount} sequential starts, {F(profiled.TotalMilliseconds / profileCount, 2)} ms/start in all; time the caller waited per command shape:");
        foreach (var line in sql.Profile(profileCount))
        {
            output.WriteLine(line);
        }

        // Correctness: every started instance is Running with exactly three open waits, one per event.
        var expected = started.Count;
        var instances = await host.ScalarAsync("SELECT count(*) FROM workflow_instances");
        var wrongWaits = await host.ScalarAsync(
            """
            SELECT count(*) FROM workflow_instances i
            WHERE i."Status" <> 'Running'
               OR (SELECT count(DISTINCT w."EventName") FROM workflow_waits w WHERE w."InstanceId" = i."Id") <> 3
               OR (SELECT count(*) FROM workflow_waits w WHERE w."InstanceId" = i."Id") <> 3
            """);
        var waits = await host.ScalarAsync("SELECT count(*) FROM workflow_waits");
        var incidents = await host.ScalarAsync("SELECT count(*) FROM workflow_incidents");
        var rows = expected + floorWritten; // the floor's copies are instances with three waits too
        var correct = instances == rows && wrongWaits == 0 && waits == 3L * rows && incidents == 0 && started.Distinct().Count() == expected;
        output.WriteLine($"P1 check: {N(expected)} started (+ {N(floorWritten)} floor copies), {N(instances)} instance rows, {N(waits)} waits, {wrongWaits} instances without exactly 3 open waits, {incidents} incidents: {(correct ? "OK" : "WRONG")}");
        output.WriteLine($"P1 memory: {Memory()}");
        _ = version;
        return pass && correct;
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using Inburgering.Workflows.Execution;
using static Inburgering.Bench.Stats;

namespace Inburgering.Bench;

/// <summary>
/// P3: latency of one resume → next wait (deliver the first event to an instance waiting at three waits; the burst
/// commits with two waits left), sequentially, on (a) an almost empty database and (b) one holding 100,000 instances with
/// 300,000 open waits and their journal, and 50 published versions of the definition. The resumes on (a) and (b)
/// alternate one by one (same server, same process), so noise from other work on the machine hits both alike.
/// </summary>
internal static class P3ResumeLatency
{
    public const double Goal = 1.5;

    private sealed record Result(double P50, double P95, double P99, double Max, double Mean);

    public static async Task<bool> RunAsync(BenchOptions options, SqlCounter sql, TextWriter output)
    {
        output.WriteLine($"== P3 resume latency: {N(options.Resumes)} sequential resumes per database after {N(options.ResumeWarmup)} warm-up, (a) and (b) alternating; (b) holds {N(options.BulkInstances)} more instances and {options.Versions} versions");

        await using var small = await EngineHost.CreateAsync(options.ConnectionString, "bench_p3a");
        await small.PublishAsync();

        await using var large = await EngineHost.CreateAsync(options.ConnectionString, "bench_p3b");
        var sw = Stopwatch.StartNew();
        var latest = 0;
        for (var v = 1; v <= options.Versions; v++)
        {
            latest = await large.PublishAsync(revision: v);
        }
        output.WriteLine($"P3 (b) published {options.Versions} versions through DefinitionStore.ImportAsync (latest v{latest}) in {F(sw.Elapsed.TotalSeconds, 1)} s");
        // The template is a real start on the latest version; its rows are cloned by COPY.
        var template = await large.Runner.StartAsync(new StartInstanceRequest(BenchDefinition.Id, CorrelationKey: "template"));
        var load = await new BulkLoader(large).LoadAsync(template.Id, options.BulkInstances, options.Versions, template.CreatedAtUtc);
        sw.Restart();
        await large.ExecuteAsync("VACUUM ANALYZE");
        output.WriteLine($"P3 (b) bulk COPY in {F(load.TotalSeconds, 1)} s, VACUUM ANALYZE {F(sw.Elapsed.TotalSeconds, 1)} s: {await CountsAsync(large)}");
        output.WriteLine($"P3 memory after bulk load: {Memory()}");

        var total = options.ResumeWarmup + options.Resumes;
        var idsA = await StartAsync(small, "a", total, output);
        var idsB = await StartAsync(large, "b", total, output);

        var payload = new JsonObject { ["datum"] = "2026-05-04" };
        var latA = new double[options.Resumes];
        var latB = new double[options.Resumes];
        for (var i = 0; i < total; i++)
        {
            var measured = i - options.ResumeWarmup;
            var showSql = options.ShowSql && measured == 0;
            // Alternate which database goes first, so neither always follows the other's commit.
            var first = i % 2 == 0;
            var a = first ? await ResumeAsync(small, idsA[i], payload, sql, showSql, output) : 0;
            var b = await ResumeAsync(large, idsB[i], payload, sql, false, output);
            if (!first)
            {
                a = await ResumeAsync(small, idsA[i], payload, sql, showSql, output);
            }
            if (measured >= 0)
            {
                latA[measured] = a;
                latB[measured] = b;
            }
        }
        var ra = Report("a", latA, output);
        var rb = Report("b", latB, output);
        await CheckAsync(small, "a", idsA);
        await CheckAsync(large, "b", idsB);
        output.WriteLine($"P3 check: every resumed instance is Running with exactly its other two waits open (a and b): OK");

        // Where a resume's time goes: resume the second event on some (b) instances with every command timed (not in the figures above).
        var profileCount = Math.Min(300, total);
        sql.Profiling(true);
        sw.Restart();
        for (var i = 0; i < profileCount; i++)
        {
            await large.Runner.DeliverEventAsync(idsB[i], BenchDefinition.Events[1], payload.DeepClone());
        }
        sql.Profiling(false);
        output.WriteLine($"P3 profile (b), {profileCount} sequential resumes, {F(sw.Elapsed.TotalMilliseconds / profileCount, 2)} ms/resume in all; time the caller waited per command shape:");
        foreach (var line in sql.Profile(profileCount))
        {
            output.WriteLine(line);
        }
        output.WriteLine($"P3 memory: {Memory()}");

        var ratio = rb.P99 / ra.P99;
        var pass = ratio <= Goal;
        output.WriteLine($"P3 p99 (b) {F(rb.P99, 2)} ms / (a) {F(ra.P99, 2)} ms = ratio {F(ratio, 2)} (goal <= {F(Goal, 1)}) {(pass ? "PASS" : "FAIL")}" +
                         $" | p50 ratio {F(rb.P50 / ra.P50, 2)}, p95 ratio {F(rb.P95 / ra.P95, 2)}");
        return pass;
    }

    private static async Task<string> CountsAsync(EngineHost host) =>
        $"{N(await host.ScalarAsync("SELECT count(*) FROM workflow_instances"))} instances, " +
        $"{N(await host.ScalarAsync("SELECT count(*) FROM workflow_waits"))} waits, " +
        $"{N(await host.ScalarAsync("SELECT count(*) FROM workflow_journal"))} journal rows, " +
        $"{N(await host.ScalarAsync("SELECT count(*) FROM workflow_definitions"))} definition versions, " +
        $"database {N(await host.ScalarAsync("SELECT pg_database_size(current_database())") / 1048576)} MiB";

    private static async Task<Guid[]> StartAsync(EngineHost host, string label, int count, TextWriter output)
    {
        var ids = new Guid[count];
        var sw = Stopwatch.StartNew();
        await Stats.RunConcurrentAsync(4, count, async i =>
            ids[i] = (await host.Runner.StartAsync(new StartInstanceRequest(BenchDefinition.Id, CorrelationKey: $"p3{label}-{i}"))).Id);
        output.WriteLine($"P3 ({label}) started {N(count)} instances through the runner in {F(sw.Elapsed.TotalSeconds, 1)} s; now {await CountsAsync(host)}");
        return ids;
    }

    private static async Task<double> ResumeAsync(EngineHost host, Guid id, JsonObject payload, SqlCounter sql, bool showSql, TextWriter output)
    {
        var before = sql.Snapshot();
        sql.Capture(showSql);
        var t0 = Stopwatch.GetTimestamp();
        var outcome = await host.Runner.DeliverEventAsync(id, BenchDefinition.Events[0], payload.DeepClone());
        var elapsed = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        if (showSql)
        {
            sql.Capture(false);
            var after = sql.Snapshot();
            output.WriteLine($"P3 one resume = {after.Commands - before.Commands} round trips (EF commands), {after.Statements - before.Statements} SQL statements, {after.Commits - before.Commits} commit(s):");
            foreach (var line in SqlCounter.Summarize(sql.Captured.Where(c => c != "COMMIT")))
            {
                output.WriteLine(line);
            }
        }
        return outcome.Kind == BurstOutcomeKind.Applied ? elapsed : throw new InvalidOperationException($"Resume of {id} was not applied: {outcome}");
    }

    private static Result Report(string label, double[] latencies, TextWriter output)
    {
        var mean = latencies.Average();
        Array.Sort(latencies);
        var r = new Result(Percentile(latencies, 50), Percentile(latencies, 95), Percentile(latencies, 99), latencies[^1], mean);
        output.WriteLine(
            $"P3 ({label}) resume→next wait: p50 {F(r.P50, 2)} ms | p95 {F(r.P95, 2)} ms | p99 {F(r.P99, 2)} ms | max {F(r.Max, 2)} ms | mean {F(r.Mean, 2)} ms ({F(1000 / r.Mean, 0)} resumes/s sequential)");
        return r;
    }

    /// <summary>Every resumed instance still runs, with exactly the two other waits open.</summary>
    private static async Task CheckAsync(EngineHost host, string label, Guid[] ids)
    {
        var idList = string.Join(",", ids.Select(id => $"'{id}'"));
        var wrong = await host.ScalarAsync(
            $"""
            SELECT count(*) FROM workflow_instances i
            WHERE i."Id" IN ({idList})
              AND (i."Status" <> 'Running'
                   OR (SELECT count(*) FROM workflow_waits w WHERE w."InstanceId" = i."Id") <> 2
                   OR EXISTS (SELECT 1 FROM workflow_waits w WHERE w."InstanceId" = i."Id" AND w."EventName" = '{BenchDefinition.Events[0]}'))
            """);
        if (wrong != 0)
        {
            throw new InvalidOperationException($"P3 ({label}): {wrong} instances are not in the expected state after the resume.");
        }
    }
}

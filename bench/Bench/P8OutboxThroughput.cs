using System.Diagnostics;
using Inburgering.Contracts.Tasks;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Outbox;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Inburgering.Bench.Stats;

namespace Inburgering.Bench;

/// <summary>
/// P8: partner tasks opened → TaskAssigned consumed by the partner through the transactional outbox and the real
/// RabbitMQ, at a paced (open-loop) offered rate, against raw MassTransit publish → consume of the same message type over
/// the same broker at the same rate, measured in the same run (rounds alternate so machine noise hits both alike).
/// </summary>
internal static class P8OutboxThroughput
{
    public const double Goal = 0.5;

    public const double P99GoalSeconds = 1.0;

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    public static async Task<bool> RunAsync(BenchOptions options, SqlCounter sql, TextWriter output)
    {
        var broker = options.RabbitMqUri ?? throw new ArgumentException("P8 needs a RabbitMQ broker: --mq amqp://guest:guest@127.0.0.1:5672/ (bench/run.sh p8 starts one).");
        output.WriteLine($"== P8 outbox → RabbitMQ: one TaskAssigned per task opened, offered {F(options.P8Rate, 0)}/s open loop (at most {options.P8InFlight} in flight), " +
                         $"{options.P8Rounds} rounds × {options.P8Seconds} s per side after {options.P8Warmup} s warm-up; baseline raw MassTransit publish in the same run");
        output.WriteLine($"P8 broker: {await P8Wiring.DescribeBrokerAsync(broker)}; MassTransit 8.5, publisher confirms on, prefetch {P8Wiring.PrefetchCount}; consumer queue {PartnerInboxConsumer.QueueName} in this process; load average {LoadAverage()}");

        var receipts = new ReceiptLog();
        using var commits = new CommitClock();
        using var probe = new P8DispatchProbe();
        await using var host = await EngineHost.CreateAsync(options.ConnectionString, "bench_p8", (services, _) => P8Wiring.AddOutboxOverRabbitMq(services, broker, receipts, probe, options.P8OutboxParallelism));
        var imported = await host.Definitions.ImportAsync(P8Wiring.DefinitionJson, "bench");
        if (imported.Status != DefinitionImportStatus.Published)
        {
            throw new InvalidOperationException($"Publishing {P8Wiring.DefinitionId} failed ({imported.Status}): {string.Join("; ", imported.Errors)}");
        }
        var outbox = host.Services.GetRequiredService<IOptions<OutboxOptions>>().Value;
        output.WriteLine($"P8 dispatcher: OutboxDispatcherService woken by OutboxSignal after each commit, claims of {outbox.BatchSize} (FOR UPDATE SKIP LOCKED), {outbox.Parallelism} publishes at once{(options.P8OutboxParallelism is null ? " (default)" : " (set by --p8-outbox-parallelism)")}, poll {outbox.PollInterval.TotalSeconds} s; transport: the Host's MassTransitOutboxTransport");

        var bus = host.Services.GetRequiredService<IBusControl>();
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcherService>();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await bus.StartAsync(timeout.Token);
        }
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            return await MeasureAsync(options, sql, output, host, bus, receipts, probe);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
            await bus.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The machine's 1-minute load average (Linux): the machine is shared, so every level says how busy it was.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] + $" on {Environment.ProcessorCount} cores" : "unknown";

    private static async Task<bool> MeasureAsync(BenchOptions options, SqlCounter sql, TextWriter output, EngineHost host, IBus bus, ReceiptLog receipts, P8DispatchProbe probe)
    {
        var runner = host.Runner;
        var run = Guid.NewGuid().ToString("N")[..8]; // keys unique per run: a reused broker's old messages are never counted
        var engineKeys = new List<string>();
        var baselineKeys = new List<string>();

        async Task<long> EngineOne(string key)
        {
            var commit = CommitClock.Track();
            await runner.StartAsync(new StartInstanceRequest(P8Wiring.DefinitionId, CorrelationKey: key));
            // A grouped start commits in the group's flow, which does not carry this caller's AsyncLocal: then the moment
            // StartAsync returned (just after that commit) stands in for it — a little later, so latency is not flattered.
            return commit.Value != 0 ? commit.Value : System.Diagnostics.Stopwatch.GetTimestamp();
        }

        async Task<long> BaselineOne(string key)
        {
            var sent = Stopwatch.GetTimestamp();
            await bus.Publish(new TaskAssigned(key, Guid.CreateVersion7(), "brede-intake", "isd-bollenstreek", null), ctx => ctx.MessageId = Guid.CreateVersion7());
            return sent;
        }

        async Task<P8Phase> PhaseAsync(string name, double rate, int count, List<string> keyList, Func<string, Task<long>> operation)
        {
            var keys = Enumerable.Range(0, count).Select(i => $"{run}-{name}-{i}").ToArray();
            keyList.AddRange(keys);
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            var cpu0 = self.TotalProcessorTime;
            var sent = new long[count];
            var calls = new double[count];
            var paced = await Pacer.RunAsync(rate, count, options.P8InFlight, async i =>
            {
                var t0 = Stopwatch.GetTimestamp();
                sent[i] = await operation(keys[i]);
                calls[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            });
            await receipts.WaitForAsync(keys, DrainTimeout);
            var latencies = new List<double>(count);
            var last = paced.Start;
            for (var i = 0; i < count; i++)
            {
                if (receipts.TryGet(keys[i], out var r))
                {
                    latencies.Add(Stopwatch.GetElapsedTime(sent[i], r.Timestamp).TotalMilliseconds);
                    last = Math.Max(last, r.Timestamp);
                }
            }
            self.Refresh();
            var cpu = (self.TotalProcessorTime - cpu0).TotalSeconds;
            return new P8Phase(count, latencies.Count, Stopwatch.GetElapsedTime(paced.Start, last).TotalSeconds, paced.LaunchedRate, paced.MaxLag, [.. latencies], calls, cpu, paced);
        }

        // What one start and its dispatch cost in SQL: the start's burst, then the dispatcher's claim and mark.
        var probeKeys = new List<string>();
        await PhaseAsync("probe0", 1, 1, probeKeys, EngineOne);
        var s0 = sql.Snapshot();
        sql.Capture(options.ShowSql);
        await PhaseAsync("probe1", 1, 1, probeKeys, EngineOne);
        sql.Capture(false);
        var s1 = sql.Snapshot();
        engineKeys.AddRange(probeKeys);
        output.WriteLine($"P8 one start + its dispatch = {s1.Commands - s0.Commands} round trips (EF commands), {s1.Statements - s0.Statements} SQL statements, {s1.Commits - s0.Commits} commit(s) (the dispatcher's claim and mark are autocommit statements)");
        if (options.ShowSql)
        {
            foreach (var line in SqlCounter.Summarize(sql.Captured.Where(c => c != "COMMIT")))
            {
                output.WriteLine(line);
            }
        }

        async Task<(P8Side Engine, P8Side Baseline)> LevelAsync(double rate)
        {
            var label = F(rate, 0);
            var warm = (int)Math.Max(1, Math.Round(rate * options.P8Warmup));
            await PhaseAsync($"bw{label}", rate, warm, baselineKeys, BaselineOne);
            await PhaseAsync($"ew{label}", rate, warm, engineKeys, EngineOne);
            var engine = new P8Side("engine");
            var baseline = new P8Side("baseline");
            var perRound = (int)Math.Max(1, Math.Round(rate * options.P8Seconds));
            var engineSql = (Commands: 0L, Statements: 0L);
            var (round0, publish0) = (probe.Rounds, probe.Publishes);
            for (var round = 0; round < options.P8Rounds; round++)
            {
                baseline.Add(await PhaseAsync($"b{label}r{round}", rate, perRound, baselineKeys, BaselineOne));
                var e0 = sql.Snapshot();
                engine.Add(await PhaseAsync($"e{label}r{round}", rate, perRound, engineKeys, EngineOne));
                var e1 = sql.Snapshot();
                engineSql = (engineSql.Commands + e1.Commands - e0.Commands, engineSql.Statements + e1.Statements - e0.Statements);
            }
            output.WriteLine($"P8 @{label}/s engine   {engine.Describe("starts launched", "start call", "commit→consume")}");
            output.WriteLine($"P8 @{label}/s baseline {baseline.Describe("published", "publish call", "publish→consume")}");
            output.WriteLine($"P8 @{label}/s engine SQL: {F((double)engineSql.Commands / engine.Sent, 2)} round trips and {F((double)engineSql.Statements / engine.Sent, 2)} statements per message (start and dispatch together)");
            output.WriteLine($"P8 @{label}/s dispatcher: {probe.Describe(round0, probe.Rounds, publish0, probe.Publishes)}");
            output.WriteLine($"P8 @{label}/s engine phases: {engine.Process} | baseline phases: {baseline.Process} | load average {LoadAverage()}");
            return (engine, baseline);
        }

        var (engineAtGoal, baselineAtGoal) = await LevelAsync(options.P8Rate);
        var ratio = engineAtGoal.Throughput / baselineAtGoal.Throughput;
        var ratioOk = ratio >= Goal;
        var p99 = engineAtGoal.LatencyP99Seconds;
        var p99Ok = p99 <= P99GoalSeconds;
        output.WriteLine($"P8 @{F(options.P8Rate, 0)}/s ratio {F(ratio, 2)} (goal >= {F(Goal, 1)}) {(ratioOk ? "PASS" : "FAIL")} | engine p99 {F(p99, 3)} s (goal <= {F(P99GoalSeconds, 0)} s) {(p99Ok ? "PASS" : "FAIL")}" +
                         $" | engine {(engineAtGoal.Sustained(options.P8Rate) ? "kept" : "did NOT keep")} the offered rate");

        if (!engineAtGoal.Sustained(options.P8Rate))
        {
            // The engine could not start that many: measure again at a rate it does keep (80 % of what it took), so the
            // latency says what a partner sees below saturation rather than what the pacer's queue adds.
            var sustainable = Math.Max(50, Math.Floor(engineAtGoal.LaunchedRate * 0.8 / 50) * 50);
            output.WriteLine($"P8 the engine took {F(engineAtGoal.LaunchedRate)} starts/s of the {F(options.P8Rate, 0)}/s offered; measuring again at {F(sustainable, 0)}/s (80 % of that, rounded down to 50)");
            var (engineLow, baselineLow) = await LevelAsync(sustainable);
            output.WriteLine($"P8 @{F(sustainable, 0)}/s ratio {F(engineLow.Throughput / baselineLow.Throughput, 2)} | engine p99 {F(engineLow.LatencyP99Seconds, 3)} s (goal <= {F(P99GoalSeconds, 0)} s) {(engineLow.LatencyP99Seconds <= P99GoalSeconds ? "PASS" : "FAIL")}" +
                             $" | engine {(engineLow.Sustained(sustainable) ? "kept" : "did NOT keep")} the offered rate");
        }

        var correct = await P8Check.RunAsync(output, host, receipts, engineKeys, baselineKeys, DrainTimeout);
        output.WriteLine($"P8 memory: {Memory()}");
        return ratioOk && p99Ok && correct;
    }
}

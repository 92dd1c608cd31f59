using static Inburgering.Bench.Stats;

namespace Inburgering.Bench;

/// <summary>One paced phase of one side (engine or baseline): what was sent, what arrived and how late.</summary>
/// <param name="Seconds">From the first launch's due time to the last receipt: the window the throughput is counted over.</param>
/// <param name="LatenciesMs">Per message that arrived: receipt − sent (the burst's commit, or the publish call).</param>
/// <param name="CallMs">Per operation: time spent in the call (StartAsync, or Publish until the broker's confirm).</param>
/// <param name="CpuSeconds">CPU time this process used during the phase (all its threads: caller, dispatcher, bus, consumer).</param>
internal sealed record P8Phase(int Sent, int Received, double Seconds, double LaunchedRate, TimeSpan MaxLag, double[] LatenciesMs, double[] CallMs,
    double CpuSeconds, PacedRun Paced);

/// <summary>The measured phases of one side at one offered rate, summed over the rounds.</summary>
internal sealed class P8Side(string name)
{
    private readonly List<P8Phase> _phases = [];

    public string Name { get; } = name;

    public void Add(P8Phase phase) => _phases.Add(phase);

    public int Sent => _phases.Sum(p => p.Sent);

    public int Received => _phases.Sum(p => p.Received);

    /// <summary>Messages consumed per second over the phases' windows.</summary>
    public double Throughput => Received / _phases.Sum(p => p.Seconds);

    /// <summary>The lowest launched rate of any round: a side that fell behind in one round did not sustain the rate.</summary>
    public double LaunchedRate => _phases.Min(p => p.LaunchedRate);

    public TimeSpan MaxLag => _phases.Max(p => p.MaxLag);

    public double[] Latencies => [.. _phases.SelectMany(p => p.LatenciesMs).Order()];

    public double[] Calls => [.. _phases.SelectMany(p => p.CallMs).Order()];

    public double LatencyP99Seconds => Percentile(Latencies, 99) / 1000.0;

    /// <summary>The bench process's CPU as a share of the machine's cores over the phases' windows.</summary>
    public string Process => $"bench process CPU {F(100 * _phases.Sum(p => p.CpuSeconds) / _phases.Sum(p => p.Seconds) / Environment.ProcessorCount, 0)} % of {Environment.ProcessorCount} cores, " +
                             $"thread pool up to {_phases.Max(p => p.Paced.MaxThreads)} threads and {_phases.Max(p => p.Paced.MaxQueued)} queued items";

    /// <summary>Kept the offered rate: launched within 5 % of it and never more than a second behind.</summary>
    public bool Sustained(double rate) => LaunchedRate >= 0.95 * rate && MaxLag < TimeSpan.FromSeconds(1);

    public string Describe(string sentWhat, string callWhat, string latencyWhat)
    {
        var l = Latencies;
        var c = Calls;
        return $"{F(Throughput)} msg/s consumed ({N(Received)} of {N(Sent)}; {sentWhat} at {F(LaunchedRate)}/s in the slowest round, max lag {F(MaxLag.TotalSeconds, 2)} s, " +
               $"{callWhat} p50 {F(Percentile(c, 50))} ms p99 {F(Percentile(c, 99))} ms) | {latencyWhat} " +
               $"p50 {F(Percentile(l, 50))} ms p90 {F(Percentile(l, 90))} ms p99 {F(Percentile(l, 99))} ms max {F(l.Length > 0 ? l[^1] : double.NaN)} ms";
    }
}

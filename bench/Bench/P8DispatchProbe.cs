using System.Diagnostics;
using Inburgering.Workflows.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static Inburgering.Bench.Stats;

namespace Inburgering.Bench;

/// <summary>
/// Where the dispatcher's time goes, seen from outside: its claim and mark statements on EF Core's DiagnosticListener
/// (a round is claim → publishes → mark) and every publish through a timing wrapper around the Host's transport.
/// </summary>
internal sealed class P8DispatchProbe : EfEventListener
{
    private readonly List<DispatchRound> _rounds = [];
    private readonly List<double> _publishMs = [];
    private (long End, double Ms, int Published)? _claim;
    private int _published;


    public int Rounds
    {
        get
        {
            lock (_rounds)
            {
                return _rounds.Count;
            }
        }
    }

    public int Publishes
    {
        get
        {
            lock (_publishMs)
            {
                return _publishMs.Count;
            }
        }
    }

    /// <summary>Wraps the real transport; only measures.</summary>
    public IOutboxTransport Wrap(IOutboxTransport inner) => new TimedTransport(inner, this);

    /// <summary>Rounds [fromRound, toRound) and publishes [fromPublish, toPublish), summarised on one line.</summary>
    public string Describe(int fromRound, int toRound, int fromPublish, int toPublish)
    {
        List<DispatchRound> rounds;
        double[] publishes;
        lock (_rounds)
        {
            rounds = _rounds.Skip(fromRound).Take(toRound - fromRound).ToList();
        }
        lock (_publishMs)
        {
            publishes = [.. _publishMs.Skip(fromPublish).Take(toPublish - fromPublish).Order()];
        }
        if (rounds.Count == 0)
        {
            return "no dispatcher rounds";
        }
        double[] Sorted(Func<DispatchRound, double> f) => [.. rounds.Select(f).Order()];
        string P(double[] v) => $"p50 {F(Percentile(v, 50))} p99 {F(Percentile(v, 99))}";
        var rows = Sorted(r => r.Published);
        return $"{N(rounds.Count)} rounds, messages per round {P(rows)} max {rows[^1]:F0}; per round ms: claim {P(Sorted(r => r.ClaimMs))}, " +
               $"publishing {P(Sorted(r => r.PublishingMs))}, mark {P(Sorted(r => r.MarkMs))}; one publish (until the broker's confirm) ms {P(publishes)}";
    }

    protected override void OnEvent(KeyValuePair<string, object?> value)
    {
        if (value.Key != RelationalEventId.CommandExecuted.Name || value.Value is not CommandExecutedEventData data)
        {
            return;
        }
        var text = data.Command.CommandText;
        if (!text.StartsWith("UPDATE workflow_outbox", StringComparison.Ordinal))
        {
            return;
        }
        var now = Stopwatch.GetTimestamp();
        lock (_rounds)
        {
            if (text.Contains("SKIP LOCKED", StringComparison.Ordinal))
            {
                // A claim that finds nothing is followed by another claim, never by a mark: the latest claim opens the round.
                _claim = (now, data.Duration.TotalMilliseconds, Volatile.Read(ref _published));
            }
            else if (text.Contains("SET \"DispatchedAtUtc\"", StringComparison.Ordinal) && _claim is { } claim)
            {
                var markMs = data.Duration.TotalMilliseconds;
                var publishing = Stopwatch.GetElapsedTime(claim.End, now).TotalMilliseconds - markMs;
                _rounds.Add(new DispatchRound(claim.Ms, Math.Max(0, publishing), markMs, Volatile.Read(ref _published) - claim.Published));
                _claim = null;
            }
        }
    }

    private void Published(double ms)
    {
        Interlocked.Increment(ref _published);
        lock (_publishMs)
        {
            _publishMs.Add(ms);
        }
    }

    private sealed record DispatchRound(double ClaimMs, double PublishingMs, double MarkMs, int Published);

    private sealed class TimedTransport(IOutboxTransport inner, P8DispatchProbe probe) : IOutboxTransport
    {
        public async Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            var start = Stopwatch.GetTimestamp();
            await inner.PublishAsync(message, cancellationToken);
            probe.Published(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }
}

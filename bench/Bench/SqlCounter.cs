using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inburgering.Bench;

/// <summary>
/// Counts the engine's database round trips through EF Core's DiagnosticListener (no engine change needed):
/// executed commands (each one round trip; a SaveChanges batch is one command holding several statements),
/// statements inside them, committed transactions, and the time spent waiting for them (command + commit durations). Can also capture the SQL text of a window.
/// </summary>
internal sealed class SqlCounter : EfEventListener
{
    private long _commands;
    private long _statements;
    private long _commits;
    private long _dbTicks;
    private volatile bool _capturing;
    private volatile bool _profiling;
    private readonly ConcurrentDictionary<string, StrongBox<long>[]> _profile = new(StringComparer.Ordinal);


    public ConcurrentQueue<string> Captured { get; } = new();

    public (long Commands, long Statements, long Commits, TimeSpan InDatabase) Snapshot() =>
        (Interlocked.Read(ref _commands), Interlocked.Read(ref _statements), Interlocked.Read(ref _commits), TimeSpan.FromTicks(Interlocked.Read(ref _dbTicks)));

    public void Capture(bool on)
    {
        if (on)
        {
            Captured.Clear();
        }
        _capturing = on;
    }

    protected override void OnEvent(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data)
        {
            Interlocked.Increment(ref _commands);
            Interlocked.Add(ref _dbTicks, data.Duration.Ticks);
            var text = data.Command.CommandText;
            var statements = Math.Max(1, text.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Count(s => s.Length > 1));
            Interlocked.Add(ref _statements, statements);
            if (_capturing)
            {
                Captured.Enqueue(text);
            }
            if (_profiling)
            {
                Record(Shape(text), data.Duration);
            }
        }
        else if (value.Key == Workflows.Persistence.InsertOnlyCommit.ExecutedEvent && value.Value is Workflows.Persistence.InsertOnlyCommitExecuted batch)
        {
            // One round trip that is also the commit (an implicit transaction).
            Interlocked.Increment(ref _commands);
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _statements, batch.Statements.Count);
            Interlocked.Add(ref _dbTicks, batch.Duration.Ticks);
            var text = string.Join(";\n", batch.Statements);
            if (_capturing)
            {
                Captured.Enqueue(text);
            }
            if (_profiling)
            {
                Record("insert-only commit: " + Shape(text), batch.Duration);
            }
        }
        else if (value.Key == Workflows.Persistence.InsertOnlyCommit.ReadEvent && value.Value is Workflows.Persistence.StartUnitReadExecuted read)
        {
            // A start unit's read without EF: one round trip, no commit.
            Interlocked.Increment(ref _commands);
            Interlocked.Increment(ref _statements);
            Interlocked.Add(ref _dbTicks, read.Duration.Ticks);
            if (_capturing)
            {
                Captured.Enqueue(read.Statement);
            }
            if (_profiling)
            {
                Record(Shape(read.Statement), read.Duration);
            }
        }
        else if (value.Key == RelationalEventId.TransactionCommitted.Name && value.Value is TransactionEndEventData commit)
        {
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _dbTicks, commit.Duration.Ticks);
            if (_capturing)
            {
                Captured.Enqueue("COMMIT");
            }
            if (_profiling)
            {
                Record("COMMIT", commit.Duration);
            }
        }
    }

    /// <summary>Starts or stops timing every command by its shape; <see cref="Profile"/> reads the result.</summary>
    public void Profiling(bool on)
    {
        if (on)
        {
            _profile.Clear();
        }
        _profiling = on;
    }

    /// <summary>Per command shape: how often, and the mean time the caller waited for it, per operation.</summary>
    public IEnumerable<string> Profile(int operations)
    {
        var rows = _profile.Select(p => (Shape: p.Key, Count: p.Value[0].Value, Ticks: p.Value[1].Value)).OrderByDescending(r => r.Ticks).ToList();
        var total = rows.Sum(r => r.Ticks);
        foreach (var (shape, count, ticks) in rows)
        {
            yield return FormattableString.Invariant(
                $"  {TimeSpan.FromTicks(ticks).TotalMilliseconds / operations,7:F3} ms/op  {100.0 * ticks / Math.Max(total, 1),5:F1} %  {(double)count / operations,5:F2} x/op  mean {TimeSpan.FromTicks(ticks / Math.Max(count, 1)).TotalMilliseconds:F3} ms  {shape}");
        }
    }

    private void Record(string shape, TimeSpan duration)
    {
        var cell = _profile.GetOrAdd(shape, _ => [new StrongBox<long>(), new StrongBox<long>()]);
        Interlocked.Increment(ref cell[0].Value);
        Interlocked.Add(ref cell[1].Value, duration.Ticks);
    }

    private static string Shape(string command)
    {
        var statements = command.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 1).ToList();
        var first = OneLine(statements.FirstOrDefault() ?? command);
        first = first.Length <= 90 ? first : first[..89] + "…";
        return statements.Count > 1 ? $"batch of {statements.Count}: {first} …" : first;
    }

    /// <summary>One line per statement, shortened, for the report.</summary>
    public static IEnumerable<string> Summarize(IEnumerable<string> commands)
    {
        var n = 0;
        foreach (var command in commands)
        {
            n++;
            var statements = command.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 1).ToList();
            var grouped = statements
                .Select(s => OneLine(s))
                .GroupBy(s => s, StringComparer.Ordinal)
                .Select(g => g.Count() > 1 ? $"{g.Count()} x {g.Key}" : g.Key);
            yield return $"  round trip {n} ({statements.Count} statement{(statements.Count == 1 ? "" : "s")}):";
            foreach (var line in grouped)
            {
                yield return "      " + line;
            }
        }
    }

    private static string OneLine(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        // Values differ per row; keep the shape.
        var cut = flat.IndexOf(" VALUES ", StringComparison.Ordinal);
        if (cut > 0)
        {
            flat = flat[..cut] + " VALUES (…)";
        }
        return flat.Length <= 150 ? flat : flat[..149] + "…";
    }
}

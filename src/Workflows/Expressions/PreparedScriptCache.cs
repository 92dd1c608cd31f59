using System.Collections.Concurrent;
using Acornima;
using Acornima.Ast;
using Jint;

namespace Inburgering.Workflows.Expressions;

/// <summary>
/// Parses each distinct expression once. Prepared scripts are immutable and thread-safe, so every engine shares them.
/// Parse failures are cached too: validation and evaluation of the same bad code then parse it only once.
/// Bounded: when more than <c>capacity</c> codes are cached, the least recently used tenth is dropped.
/// </summary>
internal sealed class PreparedScriptCache(int capacity)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _trimLock = new();
    private long _clock;

    public int Count => _entries.Count;

    public Entry Get(string code)
    {
        var now = Interlocked.Increment(ref _clock);
        if (_entries.TryGetValue(code, out var cached))
        {
            cached.Touch(now);
            return cached;
        }

        // Two threads may parse the same new code at once; both results are equal and one wins. Cheaper than locking.
        var entry = _entries.GetOrAdd(code, Prepare(code, now));
        if (_entries.Count > capacity)
        {
            Trim();
        }

        return entry;
    }

    private static Entry Prepare(string code, long now)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            // Parses fine as JavaScript, but in a definition it is always a mistake.
            return new Entry(null, new ExpressionSyntaxError("The expression is empty.", 1, 1), now);
        }

        try
        {
            // Strict at parse time too, so strict-only errors (with, octal literals, delete x) surface in validation.
            var script = Engine.PrepareScript(code, strict: true);
            return new Entry(script, null, now)
            {
                Reads = script.Program is { } program ? ScopeReads.Of(program) : ScopeReads.Everything,
                Direct = script.Program is { } body ? DirectRead.Of(body) : null,
            };
        }
        catch (ScriptPreparationException exception) when (exception.InnerException is ParseErrorException parseError)
        {
            return new Entry(null, ToSyntaxError(parseError), now);
        }
        catch (ParseErrorException parseError)
        {
            return new Entry(null, ToSyntaxError(parseError), now);
        }
    }

    // Acornima's column is 0-based; people and editors count from 1.
    private static ExpressionSyntaxError ToSyntaxError(ParseErrorException error) =>
        new(error.Description, Math.Max(1, error.LineNumber), Math.Max(0, error.Column) + 1);

    private void Trim()
    {
        lock (_trimLock)
        {
            var excess = _entries.Count - capacity;
            if (excess <= 0)
            {
                return;
            }

            // Drop a tenth at once so a full cache does not sort on every new expression.
            var toRemove = Math.Max(excess, capacity / 10);
            foreach (var (code, _) in _entries.OrderBy(pair => pair.Value.LastUsed).Take(toRemove).ToList())
            {
                _entries.TryRemove(code, out _);
            }
        }
    }

    /// <summary>A parsed script, or why it does not parse.</summary>
    internal sealed class Entry(Prepared<Script>? script, ExpressionSyntaxError? syntaxError, long lastUsed)
    {
        private long _lastUsed = lastUsed;

        public Prepared<Script>? Script { get; } = script;

        public ExpressionSyntaxError? SyntaxError { get; } = syntaxError;

        /// <summary>The variables and parameters the script reads (null sets: all of them).</summary>
        public ScopeReads Reads { get; init; } = ScopeReads.Everything;

        /// <summary>Set when the script only reads (a name, a literal, <c>a ?? b</c>): answered without a sandbox.</summary>
        public DirectRead? Direct { get; init; }

        public long LastUsed => Volatile.Read(ref _lastUsed);

        public void Touch(long now) => Volatile.Write(ref _lastUsed, now);
    }
}

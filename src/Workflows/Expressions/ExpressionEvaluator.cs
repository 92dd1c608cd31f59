using System.Globalization;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Inburgering.Workflows.Expressions;

/// <summary>
/// Evaluates the JavaScript expressions in workflow definitions in a sandbox: no CLR access, strict mode, and limits on
/// time, statements, memory and recursion. Thread-safe; use one instance per application. Each distinct expression is
/// parsed once and cached; each evaluation gets its own cheap engine, because Jint engines are not thread-safe.
/// </summary>
public sealed class ExpressionEvaluator
{
    private readonly ExpressionOptions _options;
    private readonly TimeProviderTimeSystem _timeSystem;
    private readonly PreparedScriptCache _cache;
    private readonly IReadOnlyCollection<ExpressionGlobal> _globals;

    /// <exception cref="ArgumentException">The options are invalid or two extensions register the same global.</exception>
    public ExpressionEvaluator(ExpressionOptions options, TimeProvider timeProvider, IEnumerable<IExpressionGlobals>? globals = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid expression options: " + string.Join(" ", problems), nameof(options));
        }

        // Copy the limits: options are mutable, and a limit changing under a running app would be surprising.
        _options = new ExpressionOptions
        {
            Timeout = options.Timeout,
            MaxStatements = options.MaxStatements,
            MemoryLimitBytes = options.MemoryLimitBytes,
            RecursionLimit = options.RecursionLimit,
            TimeZoneId = options.TimeZoneId,
            CacheSize = options.CacheSize,
        };
        _timeSystem = new TimeProviderTimeSystem(timeProvider, TimeZoneInfo.FindSystemTimeZoneById(options.TimeZoneId));
        _cache = new PreparedScriptCache(options.CacheSize);

        var builder = new ExpressionGlobalsBuilder();
        foreach (var extension in globals ?? [])
        {
            extension.Register(builder);
        }

        _globals = builder.Globals.ToArray();
    }

    internal int CachedExpressionCount => _cache.Count;

    /// <summary>Returns <c>null</c> when <paramref name="code"/> parses (in strict mode), otherwise why it does not.</summary>
    public ExpressionSyntaxError? CheckSyntax(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _cache.Get(code).SyntaxError;
    }

    /// <summary>
    /// Runs <paramref name="code"/> and returns its completion value as JSON: <c>undefined</c>/<c>null</c> → <c>null</c>,
    /// integral numbers → <see cref="long"/>, other numbers → <see cref="double"/>, a <c>Date</c> → ISO-8601 UTC string.
    /// </summary>
    /// <exception cref="ExpressionException">Syntax error, runtime error, a broken limit, or a result that is not JSON.</exception>
    public JsonNode? Evaluate(string code, ExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(scope);
        var entry = _cache.Get(code);
        return entry.Direct is { } direct && direct.TryRead(scope, out var value) ? value : JsToJson.Convert(Run(entry, scope));
    }

    /// <summary>Runs <paramref name="code"/> and returns the JavaScript truthiness of its value.</summary>
    /// <exception cref="ExpressionException">Syntax error, runtime error or a broken limit.</exception>
    public bool EvaluateCondition(string code, ExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(scope);
        var entry = _cache.Get(code);
        return entry.Direct is { } direct && direct.TryRead(scope, out var value)
            ? DirectRead.IsTruthy(value)
            : TypeConverter.ToBoolean(Run(entry, scope));
    }

    private JsValue Run(PreparedScriptCache.Entry entry, ExpressionScope scope)
    {
        if (entry.SyntaxError is { } syntaxError)
        {
            throw ExpressionFailures.FromSyntaxError(syntaxError);
        }

        using var engine = CreateEngine(scope, entry.Reads);
        try
        {
            // The value is read after the engine is disposed; JsToJson and ToBoolean only read existing data.
            return engine.Evaluate(entry.Script!.Value);
        }
        catch (Exception exception) when (ExpressionFailures.IsSandboxFailure(exception))
        {
            throw ExpressionFailures.Translate(exception, _options);
        }
    }

    private Engine CreateEngine(ExpressionScope scope, ScopeReads reads)
    {
        var engine = new Engine(options =>
        {
            options.Strict();
            options.TimeoutInterval(_options.Timeout);
            options.MaxStatements(_options.MaxStatements);
            options.LimitMemory(_options.MemoryLimitBytes);
            options.LimitRecursion(_options.RecursionLimit);

            // Turns a native stack overflow (which would kill the process) into a catchable RangeError.
            options.Constraints.StackOverflowGuard = true;

            // eval and new Function would compile code outside the cache and outside definition validation.
            options.Host.StringCompilationAllowed = false;
            options.Interop.Enabled = false;
            options.TimeSystem = _timeSystem;

            // A workflow must not behave differently depending on the server's culture.
            options.Culture = CultureInfo.InvariantCulture;
        });

        try
        {
            // A Proxy runs script code on every read; results and errors are read after the limits stop applying.
            engine.Global.RemoveOwnProperty("Proxy");
            engine.SetValue("variables", JsonToJs.ConvertObject(engine, Only(scope.Variables, reads.Variables)));
            engine.SetValue("parameters", JsonToJs.ConvertObject(engine, Only(scope.Parameters, reads.Parameters)));
            engine.SetValue("input", JsonToJs.Convert(engine, scope.Input));
            foreach (var global in _globals)
            {
                engine.SetValue(global.Name, global.Function is { } function
                    ? CreateFunction(engine, global.Name, function)
                    : JsonToJs.Convert(engine, global.Value));
            }

            return engine;
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    // Only what the script reads: an absent name is undefined either way.
    private static IReadOnlyDictionary<string, JsonNode?> Only(IReadOnlyDictionary<string, JsonNode?> values, IReadOnlySet<string>? names)
    {
        if (names is null || names.Count >= values.Count)
        {
            return values;
        }
        var subset = new Dictionary<string, JsonNode?>(names.Count, StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (values.TryGetValue(name, out var value))
            {
                subset[name] = value;
            }
        }
        return subset;
    }

    // A native JS function object around the delegate: scripts see JSON values in and out, never a CLR object.
    private static ClrFunction CreateFunction(Engine engine, string name, ExpressionHostFunction function) =>
        new(engine, name, (_, arguments) =>
        {
            try
            {
                var jsonArguments = arguments.Select(JsToJson.Convert).ToArray();
                return JsonToJs.Convert(engine, function(jsonArguments));
            }
            catch (Exception exception) when (exception is not JintException and not TimeoutException)
            {
                throw new HostFunctionException(name, exception);
            }
        });
}

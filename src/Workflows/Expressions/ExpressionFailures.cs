using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace Inburgering.Workflows.Expressions;

/// <summary>Turns what Jint throws into an <see cref="ExpressionException"/> whose message says which limit or error it was.</summary>
internal static class ExpressionFailures
{
    public static bool IsSandboxFailure(Exception exception) =>
        exception is JintException or TimeoutException or HostFunctionException;

    public static ExpressionException Translate(Exception exception, ExpressionOptions options) => exception switch
    {
        JavaScriptException js => FromJavaScript(js),
        StatementsCountOverflowException => new(
            ExpressionErrorKind.StatementLimit,
            $"Statement limit: the expression executed more than {options.MaxStatements} statements.",
            exception),
        MemoryLimitExceededException => new(
            ExpressionErrorKind.MemoryLimit,
            $"Memory limit: the expression allocated more than {options.MemoryLimitBytes} bytes.",
            exception),
        RecursionDepthOverflowException => new(
            ExpressionErrorKind.RecursionLimit,
            $"Recursion limit: the expression nested function calls deeper than {options.RecursionLimit}.",
            exception),
        TimeoutException => new(
            ExpressionErrorKind.Timeout,
            $"Timeout: the expression ran longer than {options.Timeout.TotalMilliseconds:0} ms.",
            exception),
        HostFunctionException host => new(ExpressionErrorKind.HostFunction, host.Message, host.InnerException),
        _ => new(ExpressionErrorKind.Runtime, "Runtime error: " + exception.Message, exception),
    };

    public static ExpressionException FromSyntaxError(ExpressionSyntaxError error) =>
        new(ExpressionErrorKind.Syntax, $"Syntax error: {error}") { Line = error.Line, Column = error.Column };

    private static ExpressionException FromJavaScript(JavaScriptException exception)
    {
        var name = ErrorName(exception.Error);
        var message = name is null ? exception.Message : $"{name}: {exception.Message}";
        var start = exception.Location.Start;
        if (start.Line <= 0)
        {
            return new(ExpressionErrorKind.Runtime, $"Runtime error: {message}", exception);
        }

        return new(ExpressionErrorKind.Runtime, $"Runtime error: {message} (line {start.Line}, column {start.Column + 1})", exception)
        {
            Line = start.Line,
            Column = start.Column + 1,
        };
    }

    // The script has finished, so nothing here may run script code: follow the prototype chain through data properties only.
    private static string? ErrorName(JsValue error)
    {
        var current = error as ObjectInstance;
        for (var depth = 0; current is not null && depth < 16; depth++)
        {
            var descriptor = current.GetOwnProperty("name");
            if (descriptor != Jint.Runtime.Descriptors.PropertyDescriptor.Undefined)
            {
                return descriptor.IsDataDescriptor() && descriptor.Value is JsString text ? text.ToString() : null;
            }

            current = current.Prototype;
        }

        return null;
    }
}

namespace Inburgering.Workflows.Expressions;

/// <summary>
/// Carries a host function's failure out of the engine. Jint lets CLR exceptions pass through uncaught by the script,
/// which is what we want; the wrapper only adds which function failed.
/// </summary>
internal sealed class HostFunctionException(string functionName, Exception innerException)
    : Exception($"Host function '{functionName}' failed: {innerException.Message}", innerException);

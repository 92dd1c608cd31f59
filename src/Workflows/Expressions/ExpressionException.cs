namespace Inburgering.Workflows.Expressions;

/// <summary>
/// An expression could not be evaluated. The message is plain English and names the kind of failure,
/// so the engine can put it in an incident as is.
/// </summary>
public sealed class ExpressionException : Exception
{
    public ExpressionException()
    {
    }

    public ExpressionException(string message)
        : base(message)
    {
    }

    public ExpressionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExpressionException(ExpressionErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>What went wrong.</summary>
    public ExpressionErrorKind Kind { get; } = ExpressionErrorKind.Runtime;

    /// <summary>1-based line in the expression where it went wrong, when known.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column in the expression where it went wrong, when known.</summary>
    public int? Column { get; init; }
}

namespace Inburgering.Workflows.Expressions;

/// <summary>What went wrong in an expression; incidents use it to tell a definition bug from a runaway script.</summary>
public enum ExpressionErrorKind
{
    /// <summary>The code does not parse.</summary>
    Syntax,

    /// <summary>The script threw (e.g. a TypeError reading a property of undefined).</summary>
    Runtime,

    /// <summary>The script ran longer than <see cref="ExpressionOptions.Timeout"/>.</summary>
    Timeout,

    /// <summary>The script executed more than <see cref="ExpressionOptions.MaxStatements"/> statements.</summary>
    StatementLimit,

    /// <summary>The script allocated more than <see cref="ExpressionOptions.MemoryLimitBytes"/>.</summary>
    MemoryLimit,

    /// <summary>The script nested calls deeper than <see cref="ExpressionOptions.RecursionLimit"/>.</summary>
    RecursionLimit,

    /// <summary>The script completed, but its value cannot be represented as JSON (NaN, a function, a cycle, ...).</summary>
    InvalidResult,

    /// <summary>A host function registered through <see cref="IExpressionGlobals"/> failed.</summary>
    HostFunction,
}

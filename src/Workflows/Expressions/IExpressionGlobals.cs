namespace Inburgering.Workflows.Expressions;

/// <summary>
/// Extension point for features that add host values or functions to every expression (e.g. calendar helpers).
/// Register implementations in DI; the evaluator calls <see cref="Register"/> once, when it is constructed.
/// Only JSON crosses the boundary, so an extension cannot leak CLR objects into the sandbox.
/// </summary>
public interface IExpressionGlobals
{
    /// <summary>Adds this feature's globals. Called once per evaluator, never per evaluation.</summary>
    void Register(ExpressionGlobalsBuilder globals);
}

namespace Inburgering.Workflows.Expressions;

/// <summary>Why an expression does not parse. <see cref="Line"/> and <see cref="Column"/> are 1-based, as editors show them.</summary>
/// <param name="Message">Plain English, without the position (e.g. <c>Unexpected token ';'</c>).</param>
/// <param name="Line">1-based line within the expression.</param>
/// <param name="Column">1-based column within the line.</param>
public sealed record ExpressionSyntaxError(string Message, int Line, int Column)
{
    public override string ToString() => $"{Message} (line {Line}, column {Column})";
}

namespace Inburgering.Workflows.Execution;

/// <summary>Input from outside (API, message) that the engine refuses; the API turns it into ProblemDetails with the field errors.</summary>
public sealed class InvalidInputException(string message, IReadOnlyList<FieldError> errors) : Exception(message)
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

/// <summary>One field's problem: where (a JSON-ish path) and why.</summary>
public sealed record FieldError(string Field, string Message);

using Inburgering.Workflows.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inburgering.Host.Api;

/// <summary>ProblemDetails for results the endpoints produce themselves.</summary>
internal static class Problems
{
    /// <summary>400 with every definition error: <c>errors</c> maps each JSON path to its messages, and <c>definitionErrors</c> keeps the codes.</summary>
    public static ProblemHttpResult Definition(string title, IReadOnlyList<DefinitionError> errors) => TypedResults.Problem(
        title: title,
        detail: $"{errors.Count} error(s) in the definition.",
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            ["definitionErrors"] = errors,
        });

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Field(string field, string message) => Fields([(field, message)]);

    /// <summary>400 with every field error: <c>errors</c> maps each field's path to its messages; the first message is the detail.</summary>
    public static ProblemHttpResult Fields(IReadOnlyList<(string Field, string Message)> errors) => TypedResults.Problem(
        title: "The request is not valid",
        detail: errors.Count == 1 ? errors[0].Message : $"{errors.Count} errors in the request; the first: {errors[0].Field}: {errors[0].Message}",
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["errors"] = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()) });
}

using System.Text.Json.Nodes;
using Inburgering.Host.Security;
using Inburgering.Simulation.Scripts;
using Inburgering.Simulation.TryOut;
using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Definitions.Validation;
using Inburgering.Workflows.Partners;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Inburgering.Host.Api;

/// <summary>
/// The designer's try-out. <c>POST /api/tryouts</c> plays one person's dates and answers through a definition document
/// (a draft that need not be saved) in fake time on a private, throwaway database and returns the timeline: tasks,
/// reminders, escalations, expiries and events by day with each deadline's explanation, and the end state.
/// <c>POST /api/tryouts/template</c> proposes the input for a document: start variables, first steps, and the events and
/// task types (with outcomes and fields) it can be given. Synchronous, so the work is capped (<see cref="TryOutRequest"/>).
/// </summary>
internal static class TryOutEndpoints
{
    public static IEndpointRouteBuilder MapTryOutEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tryouts").WithTags("Try-out").RequireAuthorization(Policies.ReadDefinitions);
        group.MapPost("/", RunAsync)
            .WithSummary($"Try out a definition document for one person in fake time (at most {TryOutRequest.MaxSteps} steps and {TryOutRequest.MaxYears} years); the timeline with deadline explanations");
        group.MapPost("/template", TemplateAsync).Accepts<JsonObject>("application/json")
            .WithSummary("Proposed try-out input for a definition document: variables, first steps, the events it waits for and its task types with outcomes");
        return app;
    }

    private static async Task<Results<Ok<TryOutResult>, ProblemHttpResult>> RunAsync(
        TryOutBody? body, DefinitionValidator validator, IOptions<PartnerOptions> partners, IOptions<CalendarOptions> calendar, CancellationToken ct)
    {
        if (body?.Definition is not { } document)
        {
            return Problems.Field("definition", "Give the definition document to try out.");
        }
        if (body.Start is not { } start)
        {
            return Problems.Field("start", "Give the start day (yyyy-MM-dd).");
        }
        var request = new TryOutRequest
        {
            Definition = document.ToJsonString(),
            Start = start,
            Variables = body.Variables ?? [],
            StartAt = body.StartAt,
            Steps = body.Steps ?? [],
            Until = body.Until,
        };
        if (request.Validate() is { Count: > 0 } errors)
        {
            return Problems.Fields(errors);
        }
        // Paths are the document's ($.activities[2]…), as the designer knows them, not the request's.
        var validation = validator.Validate(request.Definition);
        if (!validation.IsValid)
        {
            return Problems.Definition("The definition has errors and was not tried out", validation.Errors);
        }

        // The same partners and calendar as the live engine, so the draft validates and counts days the same way.
        var result = await TryOutRunner.RunAsync(request, s =>
        {
            s.AddSingleton(Options.Create(partners.Value));
            s.AddSingleton(Options.Create(calendar.Value));
        }, ct);
        if (result.DefinitionErrors.Count > 0)
        {
            return Problems.Definition("The definition has errors and was not tried out", result.DefinitionErrors);
        }
        // Start variables that do not fit the definition are bad input; a step that cannot be applied is a finding of the
        // try-out and comes back with the timeline up to that step.
        if (result is { Timeline: null, Error: { } startError })
        {
            return Problems.Field(startError.Path, startError.Message);
        }
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<TryOutTemplate>, ProblemHttpResult>> TemplateAsync(
        HttpRequest request, DateOnly? start, BusinessCalendar calendar, TimeProvider time)
    {
        using var reader = new StreamReader(request.Body);
        var read = DefinitionReader.Read(await reader.ReadToEndAsync(request.HttpContext.RequestAborted));
        if (read.Model is not { } model)
        {
            return Problems.Definition("The definition cannot be read", read.Errors);
        }
        return TypedResults.Ok(TryOutTemplates.Propose(model, start ?? calendar.Today(time)));
    }
}

/// <summary>A try-out: the document, the start day, start variables, steps and the last day (see <see cref="TryOutRequest"/>).</summary>
/// <param name="Definition">The definition document, as the designer holds it (need not be saved).</param>
/// <param name="Steps">Each <c>{ date, event, data }</c> or <c>{ date, task, outcome, fields }</c>, in date order.</param>
/// <param name="Until">Inclusive; by default a year after the last step.</param>
internal sealed record TryOutBody(JsonObject? Definition, DateOnly? Start, JsonObject? Variables, List<ScriptStep>? Steps, DateOnly? Until, List<string>? StartAt = null);

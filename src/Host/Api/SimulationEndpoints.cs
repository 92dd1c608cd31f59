using System.Text.Json.Nodes;
using Inburgering.Host.Security;
using Inburgering.Simulation;
using Inburgering.Simulation.Forecast;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Definitions.Validation;
using Inburgering.Workflows.Partners;
using Inburgering.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inburgering.Host.Api;

/// <summary>
/// <c>POST /api/simulations</c>: runs a forecast through the published klantreis definition (or its saved draft, or an
/// unsaved document given in the request) in fake time on a private engine — its instances in the engine's memory store,
/// live instances are never touched — and returns the task load per partner per month, deadlines met and missed, and
/// fines, as CSV inside the JSON answer. Synchronous, so the size is capped (measured with the simulate command on two
/// cores: 300 people over 60 months ≈ 7 s, the default forecast ≈ 3.5 s; ≈ 29 and 13 s on the SQLite database that held
/// the instances before; a gateway often gives up after 60 s); larger runs use the <c>simulate</c> command.
/// </summary>
internal static class SimulationEndpoints
{
    public const int MaxPeople = 300;

    public static IEndpointRouteBuilder MapSimulationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/simulations", RunAsync).WithTags("Simulations").RequireAuthorization(Policies.ReadDefinitions)
            .WithSummary($"Simulate a forecast (default: 41 statushouders and 20 gezinsmigranten a year) through the klantreis in fake time; at most {MaxPeople} people");
        return app;
    }

    private static async Task<Results<Ok<SimulationResult>, ProblemHttpResult>> RunAsync(
        SimulationRequest? request, WorkflowsDbContext db, DefinitionValidator validator, IOptions<PartnerOptions> partners, IOptions<Workflows.Calendar.CalendarOptions> calendar, CancellationToken ct)
    {
        request ??= new SimulationRequest();
        var defaults = new SimulationSettings();
        var settings = defaults with
        {
            StatushoudersPerYear = request.StatushoudersPerYear ?? defaults.StatushoudersPerYear,
            GezinsmigrantenPerYear = request.GezinsmigrantenPerYear ?? defaults.GezinsmigrantenPerYear,
            ArrivalYears = request.ArrivalYears ?? defaults.ArrivalYears,
            HorizonMonths = request.HorizonMonths,
            Seed = request.Seed ?? defaults.Seed,
            Start = request.Start ?? defaults.Start,
        };
        if (settings.Validate() is [var (field, message), ..])
        {
            return Problems.Field(field, message);
        }
        if (settings.People > MaxPeople)
        {
            return Problems.Field("statushoudersPerYear", $"{settings.People} people is more than the {MaxPeople} this endpoint runs; use the 'simulate' command for larger runs.");
        }
        string json;
        int? versionNumber = null;
        if (request.Definition is { } document)
        {
            // An unsaved document from the designer: validated here, with the document's paths, before anything runs.
            json = document.ToJsonString();
            var validation = validator.Validate(json);
            if (!validation.IsValid)
            {
                return Problems.Definition("The definition has errors and was not simulated", validation.Errors);
            }
            if (validation.Model!.Id != KlantreisSimulation.DefinitionId)
            {
                return Problems.Field("definition.id", $"The simulation runs the klantreis; the document's id must be '{KlantreisSimulation.DefinitionId}', not '{validation.Model.Id}'.");
            }
        }
        else
        {
            var status = request.Draft ? DefinitionStatus.Draft : DefinitionStatus.Published;
            var version = await db.Definitions.AsNoTracking()
                .Where(v => v.DefinitionId == KlantreisSimulation.DefinitionId && v.Status == status)
                .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
            if (version is null)
            {
                return Problems.NotFound($"There is no {(request.Draft ? "draft" : "published version")} of '{KlantreisSimulation.DefinitionId}' to simulate.");
            }
            json = version.Json;
            versionNumber = version.Version;
        }

        // The same partners and calendar as the live engine, so the draft validates and counts days the same way.
        var report = await SimulationEngine.RunAsync(settings, json, configure: s =>
        {
            s.AddSingleton(Options.Create(partners.Value));
            s.AddSingleton(Options.Create(calendar.Value));
        }, cancellationToken: ct);
        return TypedResults.Ok(new SimulationResult(
            KlantreisSimulation.DefinitionId, versionNumber, settings.People, report.Instances, report.Bursts, report.TaskCount,
            report.DeadlinesMet, report.DeadlinesMissed, report.Fines.Sum(f => f.Count), report.Fines.Sum(f => f.Amount),
            Math.Round(report.Elapsed.TotalSeconds, 1), report.TasksCsv(), report.FinesCsv()));
    }
}

/// <summary>What to simulate; everything is optional (the Noordwijk forecast by default).</summary>
/// <param name="Draft">Simulate the saved draft instead of the published version (a coordinator trying a change).</param>
/// <param name="Definition">Simulate this document instead (the designer's unsaved draft; its id must be the klantreis's); wins over <paramref name="Draft"/>.</param>
internal sealed record SimulationRequest(
    int? StatushoudersPerYear = null, int? GezinsmigrantenPerYear = null, int? ArrivalYears = null, int? HorizonMonths = null,
    int? Seed = null, DateOnly? Start = null, bool Draft = false, JsonObject? Definition = null);

/// <param name="Version">The version simulated; null for a document given in the request.</param>
internal sealed record SimulationResult(
    string DefinitionId, int? Version, int People, int Instances, long Bursts, int Tasks, int DeadlinesMet, int DeadlinesMissed,
    int Fines, decimal FinesAmount, double Seconds, string TasksCsv, string FinesCsv);

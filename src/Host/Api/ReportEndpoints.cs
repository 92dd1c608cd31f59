using Inburgering.Host.Security;
using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Oversight;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inburgering.Host.Api;

/// <summary>The quarterly partner report as CSV, and the overdue summary and §8 indicators as JSON, for the gemeente.</summary>
internal static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.ReadInstances);
        group.MapGet("/partners.csv", PartnersCsvAsync).WithSummary("The quarterly partner report (default: the current quarter) as CSV");
        group.MapGet("/overdue", (OverdueQueries queries, CancellationToken ct) => queries.SummaryAsync(cancellationToken: ct))
            .WithSummary("Overdue tasks now: by partner, by step, by days overdue; due in the next two weeks");
        group.MapGet("/kpis", KpisAsync).WithSummary("The §8 indicators over a period (default: the last 12 months)");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PartnersCsvAsync(
        PartnerReports reports, BusinessCalendar calendar, TimeProvider time, CancellationToken ct, DateOnly? from = null, DateOnly? to = null)
    {
        var (quarterFrom, quarterTo) = PartnerReport.Quarter(calendar.Today(time));
        var start = from ?? quarterFrom;
        var end = to ?? (from is null ? quarterTo : start.AddMonths(3));
        if (end <= start || end.DayNumber - start.DayNumber > 3660)
        {
            return Problems.Field("to", "'to' must be after 'from' and at most ten years later.");
        }
        var report = await reports.BuildAsync(start, end, ct);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(report.ToCsv()), "text/csv; charset=utf-8", $"partners-{start:yyyy-MM-dd}-{end:yyyy-MM-dd}.csv");
    }

    private static async Task<Results<Ok<KpiReport>, ProblemHttpResult>> KpisAsync(
        KlantreisKpis kpis, BusinessCalendar calendar, TimeProvider time, CancellationToken ct, DateOnly? from = null, DateOnly? to = null)
    {
        var lastYear = KlantreisKpis.LastTwelveMonths(calendar.Today(time));
        var end = to ?? lastYear.To;
        var start = from ?? (to is null ? lastYear.From : end.AddYears(-1));
        if (end <= start)
        {
            return Problems.Field("to", "'to' must be after 'from'.");
        }
        return TypedResults.Ok(await kpis.ComputeAsync(start, end, ct));
    }
}

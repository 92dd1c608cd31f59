using Inburgering.Testing;
using Inburgering.Workflows.Oversight;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Workflows.Tests.Oversight;

/// <summary>The dashboard's counts (one grouped statement) and pages (keys first, then rows) on both databases.</summary>
public sealed class OverdueQueriesTests
{
    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task Summary_counts_overdue_by_organisation_step_and_band(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await SeedAsync(h);

        var summary = await h.Services.GetRequiredService<OverdueQueries>().SummaryAsync();

        Assert.Equal(8, summary.Open);
        Assert.Equal(5, summary.Overdue);
        Assert.Equal(1, summary.DueSoon);
        Assert.Equal(new[] { new CountBy("isd", 3), new CountBy("taal", 2) }, summary.ByOrganisation);
        Assert.Equal(new[] { new CountBy("pip", 3), new CountBy("b1-route", 2) }, summary.ByTaskType);
        Assert.Equal(new[] { new CountBy("1-7", 2), new CountBy("8-30", 1), new CountBy("31-90", 1), new CountBy(">90", 1) }, summary.ByDaysOverdue);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task List_pages_in_the_requested_order_with_the_total(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await SeedAsync(h);
        var queries = h.Services.GetRequiredService<OverdueQueries>();

        var (byDue, total) = await queries.ListAsync(new OversightFilter(Take: 3));
        Assert.Equal(5, total);
        Assert.Equal(new[] { 400, 40, 10 }, byDue.Select(r => r.DaysOverdue));

        var (byEscalations, _) = await queries.ListAsync(new OversightFilter(Sort: "escalations", Descending: true, Skip: 1, Take: 2));
        Assert.Equal(new[] { 4, 3 }, byEscalations.Select(r => r.Escalations));

        var (taal, taalTotal) = await queries.ListAsync(new OversightFilter(Organisation: "taal"));
        Assert.Equal(2, taalTotal);
        Assert.All(taal, r => Assert.Equal("taal", r.Organisation));

        var (soon, soonTotal) = await queries.ListAsync(new OversightFilter(Scope: OversightScope.DueSoon));
        Assert.Equal(1, soonTotal);
        Assert.Equal(0, Assert.Single(soon).DaysOverdue);
    }

    /// <summary>Five overdue (1, 3, 10, 40 and 400 days), one due in 5 days, one in 30, one without a due date, and closed ones.</summary>
    private static async Task SeedAsync(WorkflowHarness h)
    {
        var now = h.Time.GetUtcNow().UtcDateTime;
        await using var db = await h.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        var n = 0;
        void Add(string organisation, string type, double? dueInDays, int escalations = 0, PartnerTaskStatus status = PartnerTaskStatus.Open) =>
            db.Tasks.Add(new PartnerTask
            {
                Id = Guid.CreateVersion7(), InstanceId = Guid.CreateVersion7(), KlantreisId = $"kr-{++n}", ActivityKey = type, TaskType = type,
                Organisation = organisation, Title = type, Status = status, DueAtUtc = dueInDays is { } d ? now.AddDays(d) : null,
                Escalations = escalations, CreatedAtUtc = now.AddDays(-500),
            });
        Add("isd", "pip", -1, 1);
        Add("isd", "pip", -3, 5);
        Add("taal", "b1-route", -10, 2);
        Add("isd", "pip", -40, 3);
        Add("taal", "b1-route", -400, 4);
        Add("isd", "pip", 5);
        Add("isd", "pip", 30);
        Add("isd", "pip", null);
        Add("isd", "pip", -50, 9, PartnerTaskStatus.Completed);
        Add("taal", "b1-route", -60, 9, PartnerTaskStatus.Cancelled);
        await db.SaveChangesAsync();
    }
}

using System.Globalization;
using Inburgering.Testing;
using Inburgering.Workflows.Oversight;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Workflows.Tests.Oversight;

/// <summary>The §8 indicators from completed PIPs, fines and verlengingen, on both databases.</summary>
public sealed class KlantreisKpisTests
{
    private static readonly DateOnly From = new(2025, 3, 1);
    private static readonly DateOnly To = new(2026, 3, 1);

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task Indicators_count_the_period_s_pips_fines_and_verlengingen(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await SeedAsync(h);

        var report = await h.Services.GetRequiredService<KlantreisKpis>().ComputeAsync(From, To);

        Assert.Equal(4, report.Pips);
        Assert.Equal(2, report.PipsOnTime); // the first (on its final day) and the one without a pipDatum (closed before its final day)
        Assert.Equal(70, report.MedianDaysToPip); // 61, 70 and 91 days; the PIP without a readable deadline has none
        Assert.Equal(new[] { new CountBy("B1", 2), new CountBy("Z", 1), new CountBy("onderwijs", 1) }, report.Leerroutes);
        Assert.Equal(1, report.DualTraject);
        Assert.Equal(3, report.Fines);
        Assert.Equal(1000m, report.FinesAmount);
        Assert.Equal(1, report.Verlengingen);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task A_period_without_pips_has_no_shares(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await SeedAsync(h);

        var report = await h.Services.GetRequiredService<KlantreisKpis>().ComputeAsync(new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1));

        Assert.Equal(0, report.Pips);
        Assert.Null(report.ShareOnTime);
        Assert.Null(report.MedianDaysToPip);
        Assert.Empty(report.Leerroutes);
        Assert.Equal(0, report.Fines);
    }

    [Theory]
    [InlineData("2026-03-02", "2025-03-03", "2026-03-03")]
    [InlineData("2024-02-29", "2023-03-01", "2024-03-01")] // a leap day: still twelve months, today included
    [InlineData("2026-12-31", "2026-01-01", "2027-01-01")]
    public void The_last_twelve_months_end_with_today(string today, string from, string to)
    {
        var period = KlantreisKpis.LastTwelveMonths(DateOnly.Parse(today, CultureInfo.InvariantCulture));

        Assert.Equal((DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture)), period);
    }

    [Theory]
    [MemberData(nameof(HarnessDatabases.Both), MemberType = typeof(HarnessDatabases))]
    public async Task Settled_months_are_read_once_and_what_closes_now_still_counts(HarnessDatabase database)
    {
        await using var h = await WorkflowHarness.CreateAsync(database);
        await SeedAsync(h);
        var today = DateOnly.FromDateTime(h.Time.GetUtcNow().UtcDateTime); // Monday 2 March 2026: settled up to 1 March
        var to = today.AddDays(1); // the dashboard's period ends after today
        var kpis = h.Services.GetRequiredService<KlantreisKpis>();
        var first = await kpis.ComputeAsync(From, to);

        // A PIP "closed" in settled June 2025 (the engine never stamps the past; this probes the memory) and one closed
        // today, in the stretch still read on every call.
        await using (var db = await h.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync())
        {
            db.Tasks.Add(Pip(new DateOnly(2025, 6, 20)));
            db.Tasks.Add(Pip(today));
            await db.SaveChangesAsync();
        }
        var second = await kpis.ComputeAsync(From, to);

        Assert.Equal(4, first.Pips);
        Assert.Equal(5, second.Pips); // June 2025 came from memory; March was read again
        Assert.Equal(new[] { new CountBy("B1", 3), new CountBy("Z", 1), new CountBy("onderwijs", 1) }, second.Leerroutes);
        // The same figures as one fresh read of the whole period would give at that moment (another process: no memory).
        var fresh = await new KlantreisKpis(h.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>(), h.Time).ComputeAsync(From, to);
        Assert.Equal(6, fresh.Pips);
        Assert.Equal((first.PipsOnTime, first.MedianDaysToPip, first.Fines, first.FinesAmount, first.Verlengingen),
            (second.PipsOnTime, second.MedianDaysToPip, second.Fines, second.FinesAmount, second.Verlengingen));
    }

    private static PartnerTask Pip(DateOnly closed) => new()
    {
        Id = Guid.CreateVersion7(), InstanceId = Guid.CreateVersion7(), KlantreisId = $"kr-{closed:yyyyMMdd}", ActivityKey = "pip", TaskType = "pip",
        Organisation = "isd", Title = "pip", Status = PartnerTaskStatus.Completed, CreatedAtUtc = closed.AddDays(-30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        ClosedAtUtc = closed.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), Outcome = "Vastgesteld", OutcomeJson = """{"leerroute":"B1"}""",
    };

    private static string DeadlineJson(DateOnly start, DateOnly final) =>
        new DeadlineRecord("PIP binnen 10 weken", "Wet inburgering 2021 art. 14", "Wettelijk", "kennisgeving", start, "P10W", final, final,
            new DateTimeOffset(final.ToDateTime(new TimeOnly(22, 0)), TimeSpan.Zero), [], $"Uiterlijk {final:dd-MM-yyyy}", "De termijn.", ["P5WD"], null).ToJson();

    private static async Task SeedAsync(WorkflowHarness h)
    {
        await using var db = await h.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        var n = 0;
        void Add(string type, DateOnly closed, string? outcome, string? outcomeJson = null, string? deadlineJson = null, PartnerTaskStatus status = PartnerTaskStatus.Completed) =>
            db.Tasks.Add(new PartnerTask
            {
                Id = Guid.CreateVersion7(), InstanceId = Guid.CreateVersion7(), KlantreisId = $"kr-{++n}", ActivityKey = type, TaskType = type,
                Organisation = "isd", Title = type, Status = status, CreatedAtUtc = closed.AddDays(-30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                ClosedAtUtc = closed.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), Outcome = outcome, OutcomeJson = outcomeJson, DeadlineJson = deadlineJson,
            });
        var start = new DateOnly(2025, 4, 1);
        var final = new DateOnly(2025, 6, 10);
        // On time, on its final day: 70 days.
        Add("pip", new DateOnly(2025, 6, 12), "Vastgesteld", """{"pipDatum":"2025-06-10","leerroute":"B1","dualeTraject":true}""", DeadlineJson(start, final));
        // Late: 91 days.
        Add("pip", new DateOnly(2025, 7, 1), "Vastgesteld", """{"pipDatum":"2025-07-01","leerroute":"Z","dualeTraject":false}""", DeadlineJson(start, final));
        // No pipDatum: the day it was closed counts; a deadline not written by ToJson (other casing, fewer fields): 61 days.
        Add("pip", new DateOnly(2025, 5, 1), "Vastgesteld", """{"leerroute":"B1"}""", """{"Start":"2025-03-01","Final":"2025-05-10"}""");
        // A deadline that cannot be read: counted as a PIP, not for on time or days.
        Add("pip", new DateOnly(2025, 8, 1), "Vastgesteld", """{"pipDatum":"2025-08-01","leerroute":"onderwijs"}""", """{"start":5}""");
        // Not counted: waiting for a third party, closed before the period, cancelled.
        Add("pip", new DateOnly(2025, 9, 1), "WachtOpDerde", """{"derde":"huisarts"}""", DeadlineJson(start, final));
        Add("pip", new DateOnly(2025, 1, 15), "Vastgesteld", """{"pipDatum":"2025-01-15","leerroute":"B1"}""", DeadlineJson(new DateOnly(2024, 11, 1), new DateOnly(2025, 1, 10)));
        Add("pip", new DateOnly(2025, 9, 2), null, null, DeadlineJson(start, final), PartnerTaskStatus.Cancelled);
        // Fines: two intake fines (€250 each) and one decision of €500; a decision without a fine.
        Add("boete-intake", new DateOnly(2025, 10, 1), "Verzonden", "{}", DeadlineJson(start, final));
        Add("boete-intake", new DateOnly(2025, 10, 2), "Verzonden", "{}");
        Add("handhaving-besluit", new DateOnly(2025, 11, 1), "Opgelegd", """{"bedrag":500}""", DeadlineJson(start, final));
        Add("handhaving-besluit", new DateOnly(2025, 11, 2), "GeenBoete", "{}");
        Add("verlenging", new DateOnly(2025, 12, 1), "Aangevraagd", """{"reden":"Ziekte"}""", DeadlineJson(start, final));
        // Not an indicator's task type.
        Add("voortgangsgesprek", new DateOnly(2025, 12, 2), "Afgerond", "{}", DeadlineJson(start, final));
        await db.SaveChangesAsync();
    }
}

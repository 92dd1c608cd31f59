using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inburgering.Host.Tests.Infrastructure;

namespace Inburgering.Host.Tests.Oversight;

/// <summary>
/// The dashboard's prerender hands its figures to the interactive page (persistent component state), so the circuit does
/// not run the summary, the list and the §8 indicators a second time. The state travels in the streamed HTML as a
/// protected comment, larger than that of a page that persists nothing of its own.
/// </summary>
public sealed partial class DashboardPrerenderTests : IDisposable
{
    private readonly HostFactory _factory = new();

    [Fact]
    public async Task The_prerendered_dashboard_carries_its_figures_for_the_circuit()
    {
        using var regie = _factory.CreateClientAs("regie");

        var dashboard = await regie.GetStringAsync(new Uri("/dashboard", UriKind.Relative));
        var home = await regie.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("data-testid=\"kpis\"", dashboard, StringComparison.Ordinal); // streamed to the end, indicators included
        // Every interactive page carries some state (the circuit's own, ≈ 1.2 kB here); the dashboard adds its figures
        // (≈ 0.9 kB more even on this empty database: the summary, an empty page and the indicators).
        var state = ServerState().Match(dashboard);
        var homeState = ServerState().Match(home);
        Assert.True(state.Success, "the dashboard's HTML has no persisted component state");
        Assert.True(state.Groups[1].Length > homeState.Groups[1].Length + 500,
            $"the dashboard's persisted state ({state.Groups[1].Length} characters) is not larger than the home page's ({homeState.Groups[1].Length})");
    }

    [Fact]
    public async Task The_dashboard_and_the_api_mean_the_same_last_12_months()
    {
        using var regie = _factory.CreateClientAs("regie");

        var api = await regie.GetFromJsonAsync<JsonElement>(new Uri("/api/reports/kpis", UriKind.Relative));
        var dashboard = await regie.GetStringAsync(new Uri("/dashboard", UriKind.Relative));

        var from = DateOnly.Parse(api.GetProperty("from").GetString()!, CultureInfo.InvariantCulture);
        var to = DateOnly.Parse(api.GetProperty("to").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(to.AddYears(-1), from); // twelve months, up to and including today
        var dutch = CultureInfo.GetCultureInfo("nl-NL");
        var shown = $"{from.ToString("d MMMM yyyy", dutch)} t/m {to.AddDays(-1).ToString("d MMMM yyyy", dutch)}";
        Assert.Contains(shown, dashboard, StringComparison.Ordinal);
    }

    [GeneratedRegex("<!--Blazor-Server-Component-State:([^-]+)-->")]
    private static partial Regex ServerState();

    public void Dispose() => _factory.Dispose();
}

using System.Text.Json.Nodes;
using Bunit;
using Inburgering.Host.Components.Designer;
using Inburgering.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Inburgering.Host.Tests.Designer;

/// <summary>The designer's try-out panel, rendered with bUnit and run for real (a private engine on SQLite).</summary>
public sealed class TryOutPanelTests : IAsyncLifetime
{
    private readonly BunitContext _bunit = new();

    public TryOutPanelTests()
    {
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero)));
        Services.AddDesignerEngine();
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private BunitServiceProvider Services => _bunit.Services;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bunit.DisposeAsync();

    private IRenderedComponent<TryOutPanel> RenderWithKlantreis()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "workflows", "klantreis-inburgering.json")))!.AsObject();
        return _bunit.Render<TryOutPanel>(p => p.Add(e => e.Session, DesignerServices.NewSession(Services, document)));
    }

    [Fact]
    public void A_take_over_is_tried_from_the_keys_entered_and_the_timeline_says_where_it_began()
    {
        var cut = RenderWithKlantreis();

        cut.Find("input[data-input=proef-start]").Change("2026-11-16");
        cut.Find("textarea[data-input=proef-variabelen]").Change("""{ "doelgroep": "asiel", "brpDatum": "2026-10-05" }""");
        cut.Find("input[data-input=proef-beginnen-bij]").Change(" intake-oproep, kennisgeving ,");
        cut.Find("[data-testid=proef-start-knop]").Click();

        cut.WaitForAssertion(() => Assert.True(cut.FindAll(".tryout-entry[data-kind=TakenOver]").Count > 0, cut.Find("[data-testid=uitproberen]").TextContent), TimeSpan.FromMinutes(2));
        var first = cut.FindAll(".tryout-entry")[0];
        Assert.Equal("TakenOver", first.GetAttribute("data-kind"));
        Assert.Contains("klantreis overgenomen", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("gestart bij 'intake-oproep', 'kennisgeving'", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("'pip-gegevens' telt 'na-brp.pip' als al gedaan", first.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll(".tryout-entry[data-kind=TaskOpened][data-activity=intake-oproep]"));
    }

    [Fact]
    public void A_key_the_definition_does_not_have_is_named_in_the_panel()
    {
        var cut = RenderWithKlantreis();

        cut.Find("input[data-input=proef-beginnen-bij]").Change("bestaat-niet");
        cut.Find("[data-testid=proef-start-knop]").Click();

        cut.WaitForAssertion(() => Assert.Contains("no activity 'bestaat-niet'", cut.Find("[data-testid=proef-stapfout]").TextContent, StringComparison.Ordinal), TimeSpan.FromMinutes(2));
        Assert.Empty(cut.FindAll(".tryout-entry"));
    }
}

using Bunit;
using Inburgering.Host.Components.Designer;
using Inburgering.Workflows.Definitions;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace Inburgering.Host.Tests.Designer;

public sealed class ValidationPanelTests : IAsyncLifetime
{
    private readonly BunitContext _bunit = new();

    public ValidationPanelTests()
    {
        Services.AddMudServices();
        Services.AddDesignerEngine();
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private BunitServiceProvider Services => _bunit.Services;

    private IRenderedComponent<ValidationPanel> Render(Action<ComponentParameterCollectionBuilder<ValidationPanel>> parameters) => _bunit.Render(parameters);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bunit.DisposeAsync();

    [Fact]
    public void A_valid_definition_says_it_can_be_published()
    {
        var session = DesignerServices.NewSession(Services);
        var start = session.AddActivity("Start", 0, 0);
        var end = session.AddActivity("End", 200, 0);
        session.Connect(start, "Verder", end);

        var cut = Render(p => p.Add(e => e.Session, session).Add(e => e.Errors, session.Errors));

        Assert.NotNull(cut.Find("[data-testid=geen-fouten]"));
    }

    [Fact]
    public void Every_error_is_listed_in_Dutch_with_where_it_is_and_a_click_reports_which()
    {
        var session = DesignerServices.NewSession(Services);
        session.AddActivity("Start", 0, 0);
        var task = session.AddActivity("PartnerTask", 200, 0);
        session.SetDisplayName(task, "Brede intake");
        DefinitionError? clicked = null;

        var cut = Render(p => p
            .Add(e => e.Session, session)
            .Add(e => e.Errors, session.Errors)
            .Add(e => e.ErrorClicked, e => clicked = e));

        var items = cut.FindAll(".validation-error");
        Assert.Equal(session.Errors.Count, items.Count);
        Assert.Contains($"{session.Errors.Count} fouten", cut.Markup, StringComparison.Ordinal);
        var unconnected = items.Single(i => i.GetAttribute("data-code") == DefinitionErrorCodes.UnconnectedOutcome && i.TextContent.Contains("Brede intake", StringComparison.Ordinal));
        Assert.Contains("Brede intake", unconnected.TextContent, StringComparison.Ordinal);
        Assert.Contains("Uitgang 'Afgerond' is niet verbonden", unconnected.TextContent, StringComparison.Ordinal);
        var missing = items.First(i => i.GetAttribute("data-code") == DefinitionErrorCodes.MissingInput);
        Assert.Contains("Brede intake › organisation", missing.TextContent, StringComparison.Ordinal);

        unconnected.Click();
        Assert.Equal(DefinitionErrorCodes.UnconnectedOutcome, clicked?.Code);
    }
}

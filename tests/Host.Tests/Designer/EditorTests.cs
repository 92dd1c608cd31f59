using System.Text.Json.Nodes;
using Bunit;
using Inburgering.Host.Components.Designer;
using Inburgering.Host.Components.Designer.Editors;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Expressions;
using Inburgering.Workflows.Partners;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using MudBlazor.Services;
using InputType = Inburgering.Workflows.Activities.InputType;

namespace Inburgering.Host.Tests.Designer;

/// <summary>The property editors, rendered with bUnit: each shows its value and reports the JSON the definition gets.</summary>
public sealed class EditorTests : IAsyncLifetime
{
    // MudBlazor's services only dispose asynchronously; xunit 2 disposes test classes synchronously, so the bUnit
    // context is owned here and disposed in DisposeAsync.
    private readonly BunitContext _bunit = new();
    private readonly EditorContext _context;
    private readonly DesignerSession _session;

    public EditorTests()
    {
        Services.AddMudServices();
        Services.AddDesignerEngine();
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _session = DesignerServices.NewSession(Services);
        _session.SetDefinitionProperty("variables", new JsonArray(
            new JsonObject { ["name"] = "leerroute", ["type"] = "text" },
            new JsonObject { ["name"] = "bsn", ["type"] = "text", ["sensitive"] = true }));
        _context = new EditorContext(_session, Services.GetRequiredService<PartnerDirectory>(), Services.GetRequiredService<ExpressionEvaluator>());
    }

    [Fact]
    public async Task The_duration_editor_shows_amount_and_unit_and_writes_a_business_duration()
    {
        JsonNode? written = null;
        var cut = Render<DurationEditor>(p => p
            .Add(e => e.Value, JsonValue.Create("P10W"))
            .Add(e => e.ValueChanged, v => written = v)
            .AddCascadingValue(_context));

        Assert.Equal(10, cut.FindComponent<MudNumericField<int?>>().Instance.GetState(x => x.Value));
        Assert.Equal(DurationUnit.Weeks, cut.FindComponent<MudSelect<DurationUnit>>().Instance.GetState(x => x.Value));

        await cut.InvokeAsync(() => cut.FindComponent<MudNumericField<int?>>().Instance.ValueChanged.InvokeAsync(5));
        Assert.Equal("P5W", written!.GetValue<string>());
        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<DurationUnit>>().Instance.ValueChanged.InvokeAsync(DurationUnit.Werkdagen));
        Assert.Equal("P5WD", written!.GetValue<string>());
        await cut.InvokeAsync(() => cut.FindComponent<MudNumericField<int?>>().Instance.ValueChanged.InvokeAsync(null));
        Assert.Null(written);
    }

    [Fact]
    public async Task The_expression_editor_checks_syntax_while_typing_and_writes_on_leaving_the_field()
    {
        var writes = new List<JsonNode?>();
        var cut = Render<ExpressionEditor>(p => p
            .Add(e => e.Bare, false)
            .Add(e => e.ValueChanged, v => writes.Add(v))
            .AddCascadingValue(_context));
        var field = cut.FindComponent<MudTextField<string>>();

        await cut.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync("variables.leerroute ==="));
        Assert.Contains("Syntaxfout", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(writes);

        await cut.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync("variables.leerroute === 'B1'"));
        Assert.DoesNotContain("Syntaxfout", cut.Markup, StringComparison.Ordinal);
        await cut.InvokeAsync(() => field.Instance.OnBlur.InvokeAsync(new Microsoft.AspNetCore.Components.Web.FocusEventArgs()));
        var written = Assert.Single(writes);
        Assert.Equal("variables.leerroute === 'B1'", written!["expression"]!.GetValue<string>());
    }

    [Fact]
    public void The_input_editor_picks_the_editor_by_the_inputs_declared_type()
    {
        Assert.NotEmpty(RenderInput(new InputDescriptor("deadline", "Termijn", InputType.Duration)).FindComponents<DurationEditor>());
        Assert.NotEmpty(RenderInput(new InputDescriptor("condition", "Voorwaarde", InputType.Condition)).FindComponents<ExpressionEditor>());
        Assert.NotEmpty(RenderInput(new InputDescriptor("form", "Formulier", InputType.Form)).FindComponents<FormBuilder>());

        var organisation = RenderInput(new InputDescriptor("organisation", "Organisatie", InputType.Organisation, Required: true));
        var options = organisation.FindComponent<ChoiceEditor>().Instance.Options;
        Assert.Contains(options, o => o.Value == "isd-bollenstreek");
        Assert.Contains("Organisatie *", organisation.Markup, StringComparison.Ordinal);

        // A partner may never be shown a sensitive variable, so the picker does not offer it.
        var share = RenderInput(new InputDescriptor("share", "Gegevens", InputType.SharedVariables));
        Assert.Equal(["leerroute"], share.FindComponent<MultiChoiceEditor>().Instance.Options);
    }

    [Fact]
    public async Task A_value_input_can_be_switched_to_an_expression()
    {
        JsonNode? written = JsonValue.Create("x");
        var cut = RenderInput(new InputDescriptor("deadlineStart", "Start", InputType.Date), JsonValue.Create("2026-01-05"), v => written = v);
        Assert.NotEmpty(cut.FindComponents<DateEditor>());

        await cut.InvokeAsync(() => cut.FindComponent<MudToggleIconButton>().Instance.ToggledChanged.InvokeAsync(true));

        Assert.Null(written);
        Assert.NotEmpty(cut.FindComponents<ExpressionEditor>());
    }

    [Fact]
    public void The_form_builder_adds_an_outcome_then_a_field()
    {
        JsonNode? form = null;
        var cut = Render<FormBuilder>(p => p.Add(e => e.ValueChanged, v => form = v).AddCascadingValue(_context));

        cut.Find("[data-action=add-outcome]").Click();
        Assert.Equal("Afgerond", form!["outcomes"]![0]!["name"]!.GetValue<string>());

        cut.Render(p => p.Add(e => e.Value, form));
        cut.Find("[data-action=add-field]").Click();
        var field = form!["fields"]![0]!;
        Assert.Equal(("veld1", "text"), (field["name"]!.GetValue<string>(), field["type"]!.GetValue<string>()));
        Assert.Single(form["outcomes"]!.AsArray());
    }

    [Fact]
    public void The_property_panel_shows_each_error_at_its_field()
    {
        _session.AddActivity("Start", 0, 0);
        var task = _session.AddActivity("PartnerTask", 200, 0);

        var cut = Render<PropertyPanel>(p => p
            .Add(e => e.Session, _session)
            .Add(e => e.Context, _context)
            .Add(e => e.SelectedKey, task));

        var organisation = cut.Find("[data-input-name=organisation]");
        Assert.Contains("Verplicht veld 'Organisatie' is niet ingevuld.", organisation.TextContent, StringComparison.Ordinal);
        Assert.Contains("Uitgang 'Afgerond' is niet verbonden", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("niet ingevuld", cut.Find("[data-input-name=instructions]").TextContent, StringComparison.Ordinal);
    }

    private BunitServiceProvider Services => _bunit.Services;

    private IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>> parameters) where T : IComponent => _bunit.Render(parameters);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bunit.DisposeAsync();

    private IRenderedComponent<InputEditor> RenderInput(InputDescriptor input, JsonNode? value = null, Action<JsonNode?>? changed = null) =>
        Render<InputEditor>(p => p
            .Add(e => e.Input, input)
            .Add(e => e.Value, value)
            .Add(e => e.ValueChanged, v => changed?.Invoke(v))
            .AddCascadingValue(_context));
}

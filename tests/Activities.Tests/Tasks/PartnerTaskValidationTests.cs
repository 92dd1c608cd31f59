using System.Text.Json.Nodes;
using Inburgering.Testing;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Definitions.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Activities.Tests.Tasks;

/// <summary>Definition-time checks of a PartnerTask: each fault gives exactly its error, at its JSON path.</summary>
public sealed class PartnerTaskValidationTests : IAsyncLifetime
{
    private WorkflowHarness _h = null!;

    public async Task InitializeAsync() => _h = await WorkflowHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public void The_sample_intake_is_valid() => Assert.Empty(Validate(Intake()));

    [Fact]
    public void An_unknown_organisation_is_named_with_the_known_ones()
    {
        var definition = Intake();
        Task(definition)["organisation"] = "isd-katwijk";

        var error = Assert.Single(Validate(definition));

        Assert.Equal((DefinitionErrorCodes.UnknownOrganisation, "$.activities[1].inputs.organisation"), (error.Code, error.Path));
        Assert.Contains("isd-bollenstreek", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sensitive_variable_may_not_be_shared_with_a_partner()
    {
        var definition = Intake();
        Task(definition)["share"] = new JsonArray("naam", "bsn");

        var error = Assert.Single(Validate(definition));

        Assert.Equal((DefinitionErrorCodes.SensitiveVariableShared, "$.activities[1].inputs.share[1]"), (error.Code, error.Path));
    }

    [Fact]
    public void Form_errors_point_into_the_form()
    {
        var definition = Intake();
        var form = Task(definition)["form"]!.AsObject();
        form["fields"]![0]!["options"] = new JsonArray();
        form["fields"]![1]!["type"] = "datum";
        form["fields"]![2]!["requiredFor"] = new JsonArray("Klaar");
        form["outcomes"]!.AsArray().Add(new JsonObject { ["name"] = "Verlopen", ["label"] = "Te laat" });

        var errors = Validate(definition);

        Assert.All(errors, e => Assert.Equal(DefinitionErrorCodes.InvalidForm, e.Code));
        Assert.Equal(
            ["$.activities[1].inputs.form.fields[0].options", "$.activities[1].inputs.form.fields[1].type", "$.activities[1].inputs.form.fields[2].requiredFor[0]",
             "$.activities[1].inputs.form.outcomes[2].name"],
            errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_form_outcome_is_a_port_that_must_be_connected()
    {
        var definition = Intake();
        var connections = definition["connections"]!.AsArray();
        connections.Remove(connections.Single(c => c!["outcome"]!.GetValue<string>() == "NietVerschenen"));
        var activities = definition["activities"]!.AsArray();
        activities.Remove(activities.Single(a => a!["key"]!.GetValue<string>() == "niet-verschenen"));

        var error = Assert.Single(Validate(definition));

        Assert.Equal(DefinitionErrorCodes.UnconnectedOutcome, error.Code);
        Assert.Contains("NietVerschenen", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expiring_needs_a_deadline()
    {
        var definition = JsonNode.Parse(SampleFlows.Intake("intake", expire: true))!.AsObject();
        Task(definition).Remove("deadline");
        foreach (var dependent in new[] { "deadlineKind", "deadlineRule" })
        {
            Task(definition).Remove(dependent);
        }

        var error = Assert.Single(Validate(definition));

        Assert.Equal((DefinitionErrorCodes.MissingInput, "$.activities[1].inputs.onDeadline"), (error.Code, error.Path));
    }

    private static JsonObject Intake() => JsonNode.Parse(SampleFlows.Intake("intake"))!.AsObject();

    private static JsonObject Task(JsonObject definition) => definition["activities"]![1]!["inputs"]!.AsObject();

    private IReadOnlyList<DefinitionError> Validate(JsonObject definition) =>
        _h.Services.GetRequiredService<DefinitionValidator>().Validate(definition.ToJsonString()).Errors;
}

using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Expressions;

namespace Inburgering.Workflows.Definitions.Validation;

/// <summary>
/// Validates a definition and reports every error at once, each with its JSON path. Run on load, on save and on
/// publish; the designer runs the same rules as the user types.
/// </summary>
public sealed class DefinitionValidator(ActivityRegistry registry, ExpressionEvaluator expressions)
{
    public DefinitionValidationResult Validate(string json)
    {
        var read = DefinitionReader.Read(json);
        return read.Model is null ? new DefinitionValidationResult(null, read.Errors) : Validate(read.Model, read.Paths ?? SourcePaths.None, read.Errors);
    }

    public DefinitionValidationResult Validate(WorkflowDefinitionModel model) => Validate(model, SourcePaths.None, []);

    private DefinitionValidationResult Validate(WorkflowDefinitionModel model, SourcePaths paths, IReadOnlyList<DefinitionError> readErrors)
    {
        var ctx = new ValidationContext(model, paths, registry, expressions);
        ctx.Errors.AddRange(readErrors);
        DeclarationRules.Check(ctx);
        ActivityRules.Check(ctx);
        ConnectionRules.Check(ctx);
        GraphRules.Check(ctx);
        return new DefinitionValidationResult(model, ctx.Errors);
    }
}

/// <summary>The model (null when the JSON could not be read) and every error; valid when there are none.</summary>
public sealed record DefinitionValidationResult(WorkflowDefinitionModel? Model, IReadOnlyList<DefinitionError> Errors)
{
    public bool IsValid => Model is not null && Errors.Count == 0;
}

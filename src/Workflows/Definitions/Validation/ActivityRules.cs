namespace Inburgering.Workflows.Definitions.Validation;

/// <summary>Each activity: a known type, a unique key, and inputs that fit the type's descriptor.</summary>
internal static class ActivityRules
{
    public static void Check(ValidationContext ctx)
    {
        foreach (var node in ctx.Model.Activities)
        {
            var path = ctx.PathOf(node);
            if (!ctx.NodesByKey.TryAdd(node.Key, node))
            {
                ctx.Add($"{path}.key", DefinitionErrorCodes.DuplicateKey, $"The key '{node.Key}' is used by more than one activity; keys must be unique.");
                continue;
            }
            var type = ctx.TypeOf(node);
            if (type is null)
            {
                ctx.Add($"{path}.type", DefinitionErrorCodes.UnknownActivityType,
                    $"Unknown activity type '{node.Type}'. Known types: {string.Join(", ", ctx.Registry.TypeNames)}.");
                continue;
            }
            InputRules.Check(ctx, node, type.Descriptor, path);
            foreach (var (inputPath, code, message) in type.Validate(node))
            {
                ctx.Add($"{path}.inputs.{inputPath}", code, message);
            }
        }
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Inburgering.Host.Components.Designer;

/// <summary>Where a validation error's JSON path points in the designer: an activity (and input), a connection's source, or a definition tab.</summary>
public sealed partial record ErrorTarget(int ActivityIndex, string? Input, string? ConnectionFrom, string Area)
{
    public const string ActivitiesArea = "activiteiten";
    public const string VariablesArea = "variabelen";
    public const string ParametersArea = "parameters";
    public const string DefinitionArea = "werkstroom";

    /// <summary>As <see cref="Of(string, DesignerSession)"/>; a missing input points at the input it names.</summary>
    public static ErrorTarget Of(Inburgering.Workflows.Definitions.DefinitionError error, DesignerSession session)
    {
        ArgumentNullException.ThrowIfNull(error);
        var target = Of(error.Path, session);
        if (error.Code == Inburgering.Workflows.Definitions.DefinitionErrorCodes.MissingInput && target.Input is null
            && MissingInputName().Match(error.Message) is { Success: true } match)
        {
            return target with { Input = match.Groups[1].Value };
        }
        return target;
    }

    public static ErrorTarget Of(string path, DesignerSession session)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(session);
        var match = PathPattern().Match(path);
        if (!match.Success)
        {
            return new ErrorTarget(-1, null, null, DefinitionArea);
        }
        var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
        switch (match.Groups["array"].Value)
        {
            case "activities":
                var input = match.Groups["input"].Success ? match.Groups["input"].Value : null;
                return new ErrorTarget(index, input, null, ActivitiesArea);
            case "connections":
                var from = index < session.Connections.Count && session.Connections[index] is JsonObject c ? DesignerSession.Text(c, "from") : null;
                return new ErrorTarget(from is null ? -1 : session.ActivityIndex(from), null, from, ActivitiesArea);
            case "variables":
                return new ErrorTarget(-1, null, null, VariablesArea);
            default:
                return new ErrorTarget(-1, null, null, ParametersArea);
        }
    }

    [GeneratedRegex(@"needs the input '([^']+)'")]
    private static partial Regex MissingInputName();

    // $.activities[3].inputs.deadline, $.activities[3].inputs['due date'], $.connections[5].to, $.variables[0].name
    [GeneratedRegex(@"^\$\.(?<array>activities|connections|variables|parameters)\[(?<index>\d+)\](?:\.inputs(?:\.(?<input>[A-Za-z0-9_]+)|\['(?<input>[^']+)'\]))?")]
    private static partial Regex PathPattern();
}

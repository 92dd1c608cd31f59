using System.Text.Json;

namespace Inburgering.Simulation.Scripts;

/// <summary>Reads a scenario file (<c>scenario.json</c>): camelCase JSON, comments and trailing commas allowed.</summary>
public static class ScriptReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static KlantreisScript Read(string json)
    {
        var script = JsonSerializer.Deserialize<KlantreisScript>(json, Options)
            ?? throw new ScriptException("The scenario file is empty.");
        for (var i = 0; i < script.Steps.Count; i++)
        {
            var step = script.Steps[i];
            if ((step.Event is null) == (step.Task is null))
            {
                throw new ScriptException($"steps[{i}] ({step.Date:yyyy-MM-dd}): give either 'event' or 'task'.");
            }
            if (i > 0 && step.Date < script.Steps[i - 1].Date)
            {
                throw new ScriptException($"steps[{i}] ({step.Date:yyyy-MM-dd}) comes before the step above it; write steps in date order.");
            }
        }
        return script;
    }
}

/// <summary>A script that cannot be read or cannot be applied (e.g. a step completes a task that is not open).</summary>
public sealed class ScriptException(string message) : Exception(message);

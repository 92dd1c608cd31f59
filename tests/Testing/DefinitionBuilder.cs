using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inburgering.Testing;

/// <summary>Writes definition JSON for tests in a few readable lines.</summary>
public sealed class DefinitionBuilder(string id)
{
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];
    private readonly JsonArray _variables = [];
    private readonly JsonArray _parameters = [];

    public DefinitionBuilder Activity(string key, string type, object? inputs = null, string? onFault = null)
    {
        var activity = new JsonObject { ["key"] = key, ["type"] = type };
        if (inputs is not null)
        {
            activity["inputs"] = WorkflowHarness.ToJson(inputs);
        }
        if (onFault is not null)
        {
            activity["onFault"] = onFault;
        }
        _activities.Add(activity);
        return this;
    }

    public DefinitionBuilder Connect(string from, string outcome, string to)
    {
        _connections.Add(new JsonObject { ["from"] = from, ["outcome"] = outcome, ["to"] = to });
        return this;
    }

    public DefinitionBuilder Variable(string name, string type, object? defaultValue = null)
    {
        _variables.Add(new JsonObject { ["name"] = name, ["type"] = type, ["default"] = WorkflowHarness.ToJson(defaultValue) });
        return this;
    }

    public DefinitionBuilder Parameter(string name, string type, object defaultValue)
    {
        _parameters.Add(new JsonObject { ["name"] = name, ["type"] = type, ["default"] = WorkflowHarness.ToJson(defaultValue) });
        return this;
    }

    public JsonObject ToNode() => new()
    {
        ["id"] = id,
        ["name"] = id,
        ["variables"] = _variables.DeepClone(),
        ["parameters"] = _parameters.DeepClone(),
        ["activities"] = _activities.DeepClone(),
        ["connections"] = _connections.DeepClone(),
    };

    public string ToJson() => ToNode().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public override string ToString() => ToJson();
}

using System.Text.Json.Nodes;
using Inburgering.Workflows.Activities;

namespace Inburgering.Workflows.Execution;

/// <summary>A resumption kept with an incident, so retrying it resumes with the same payload.</summary>
internal static class StoredResumption
{
    public static string ToJson(WaitResumption resumption) => new JsonObject
    {
        ["waitId"] = resumption.WaitId.ToString(),
        ["kind"] = resumption.Request.Kind,
        ["eventName"] = resumption.Request.EventName,
        ["dueAt"] = resumption.Request.DueAt?.ToString("O"),
        ["state"] = resumption.Request.State?.DeepClone(),
        ["payload"] = resumption.Payload?.DeepClone(),
    }.ToJsonString();

    public static WaitResumption? Parse(string? json)
    {
        if (json is null || JsonNode.Parse(json) is not JsonObject o)
        {
            return null;
        }
        var request = new WaitRequest(
            o["kind"]!.GetValue<string>(),
            o["eventName"]?.GetValue<string>(),
            o["dueAt"] is { } due ? DateTimeOffset.Parse(due.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : null,
            o["state"]?.DeepClone());
        return new WaitResumption(Guid.Parse(o["waitId"]!.GetValue<string>()), request, o["payload"]?.DeepClone());
    }
}

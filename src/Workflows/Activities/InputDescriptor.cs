using System.Text.Json.Nodes;

namespace Inburgering.Workflows.Activities;

/// <summary>One input of an activity type, as the designer renders it and validation checks it.</summary>
/// <param name="Name">Stable key in the definition's <c>inputs</c> object.</param>
/// <param name="DisplayName">Dutch label for the designer.</param>
/// <param name="Type">The value type.</param>
/// <param name="Required">Whether a definition must give it.</param>
/// <param name="Default">Value used when the definition leaves it out.</param>
/// <param name="Options">Allowed values for <see cref="InputType.Choice"/>.</param>
/// <param name="Description">Dutch help text.</param>
public sealed record InputDescriptor(
    string Name,
    string DisplayName,
    InputType Type,
    bool Required = false,
    JsonNode? Default = null,
    IReadOnlyList<string>? Options = null,
    string? Description = null);

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;

namespace Inburgering.Host.Components.Designer.Editors;

/// <summary>
/// An editor of one JSON value (an activity input, a variable default). It shows <see cref="Value"/> and reports the new
/// value through <see cref="ValueChanged"/> (null = leave the input out); the session validates and records undo.
/// </summary>
public abstract class EditorBase : ComponentBase
{
    [Parameter]
    public JsonNode? Value { get; set; }

    [Parameter]
    public EventCallback<JsonNode?> ValueChanged { get; set; }

    [Parameter]
    public string Label { get; set; } = "";

    [Parameter]
    public string? Help { get; set; }

    /// <summary>The validator's message for this value, shown under it.</summary>
    [Parameter]
    public string? Error { get; set; }

    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>The name the editor carries in the page (data-input), so tests and error links can find it.</summary>
    [Parameter]
    public string? Name { get; set; }

    [CascadingParameter]
    public EditorContext Context { get; set; } = null!;

    protected Task SetAsync(JsonNode? value) => ReadOnly ? Task.CompletedTask : ValueChanged.InvokeAsync(value);

    protected string? ValueText => Value is JsonValue v && v.TryGetValue<string>(out var text) ? text : Value?.ToJsonString();
}

namespace Inburgering.Workflows.Definitions.Diff;

/// <summary>One changed setting of a changed element.</summary>
/// <param name="Path">Path relative to the element, e.g. <c>inputs.deadline</c> or <c>inputs.form.fields['reden'].label</c>.</param>
/// <param name="Old">The old value as compact JSON; null when the setting was added.</param>
/// <param name="New">The new value as compact JSON; null when the setting was removed.</param>
/// <param name="Summary">Dutch, e.g. <c>inputs.deadline gewijzigd van "P10W" naar "P12W"</c>.</param>
public sealed record SettingChange(string Path, string? Old, string? New, string Summary);

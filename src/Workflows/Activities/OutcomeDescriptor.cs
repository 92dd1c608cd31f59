namespace Inburgering.Workflows.Activities;

/// <summary>An outcome port of an activity type.</summary>
/// <param name="Name">Stable port name used in connections (Dutch, e.g. <c>Ja</c>, <c>Verder</c>).</param>
/// <param name="MustConnect">Validation reports the port when no connection leaves it: leaving it open would silently end the path.</param>
public sealed record OutcomeDescriptor(string Name, bool MustConnect = false);

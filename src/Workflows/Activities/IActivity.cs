using Inburgering.Workflows.Definitions;

namespace Inburgering.Workflows.Activities;

/// <summary>
/// An activity type. Implementations are stateless singletons with their dependencies injected through the
/// constructor; everything about one execution comes in through <see cref="ActivityContext"/>.
/// </summary>
public interface IActivity
{
    ActivityDescriptor Descriptor { get; }

    /// <summary>Runs the activity when a path reaches it.</summary>
    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Continues the activity when one of its waits is resumed (event received, task completed, timer fired).</summary>
    ValueTask<ActivityResult> ResumeAsync(ActivityContext context, WaitResumption resumption) =>
        throw new InvalidOperationException($"{Descriptor.TypeName} does not wait, so it cannot be resumed.");

    /// <summary>
    /// The outcome ports of one node. Most types have fixed ports; Fork and Switch derive theirs from their inputs.
    /// Every node also has <c>Fout</c> when its <see cref="FaultBehavior"/> is Continue.
    /// </summary>
    IReadOnlyList<OutcomeDescriptor> GetOutcomes(ActivityNode node) => Descriptor.Outcomes;

    /// <summary>Extra checks of one node beyond its typed inputs (e.g. a Switch's case names are distinct).</summary>
    IEnumerable<(string InputPath, string Code, string Message)> Validate(ActivityNode node) => [];
}

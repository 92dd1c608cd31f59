using System.Text.Json.Nodes;
using Inburgering.Workflows.Activities;

namespace Inburgering.Activities.Control;

/// <summary>
/// Brings branches together. "all": continues once a path has arrived by every incoming connection. "any": continues
/// with the first arrival and cancels the other branches leading here (their waits close, their queued steps drop).
/// </summary>
public sealed class Join : IActivity
{
    public const string All = JoinArrivals.ModeAll;
    public const string Any = "any";

    public ActivityDescriptor Descriptor { get; } = new(
        JoinArrivals.ActivityType, 1, Categories.Flow, "Samenvoegen", "Wacht op alle takken, of gaat door met de eerste.",
        Inputs: [new InputDescriptor("mode", "Wachten op", InputType.Choice, Default: JsonValue.Create(All), Options: [All, Any],
            Description: "all: alle takken; any: de eerste tak (de andere worden afgebroken).")],
        Outcomes: [new OutcomeDescriptor(Outcomes.Done, MustConnect: true)],
        Icon: "merge");

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.GetText("mode") == Any)
        {
            return ValueTask.FromResult(ActivityResult.CompleteAndCancelUpstream(Outcomes.Done));
        }

        // Remember by which connections paths arrived; continue when every incoming connection has delivered one.
        var arrived = JoinArrivals.Read(context.State);
        if (context.ArrivedBy is { } connection)
        {
            arrived.Add(JoinArrivals.Id(connection));
        }
        var expected = context.IncomingConnections.Select(JoinArrivals.Id).ToHashSet(StringComparer.Ordinal);
        // In a taken-over klantreis the branches that ran elsewhere count too; only real arrivals are kept in the state.
        if (expected.IsSubsetOf(arrived.Union(context.ArrivedElsewhere)))
        {
            context.State = null;
            return ValueTask.FromResult(ActivityResult.Complete(Outcomes.Done));
        }
        context.State = JoinArrivals.Write(arrived);
        return ValueTask.FromResult(ActivityResult.Absorb());
    }
}

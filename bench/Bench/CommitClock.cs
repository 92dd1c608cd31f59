using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inburgering.Bench;

/// <summary>
/// When a burst's transaction committed, without changing the engine: EF Core reports each commit on its
/// DiagnosticListener synchronously, in the committing call's own async flow, so an <see cref="AsyncLocal{T}"/> set by
/// the caller before <c>StartAsync</c> tells whose commit it was. The dispatcher's flow never carries one.
/// </summary>
internal sealed class CommitClock : EfEventListener
{
    private static readonly AsyncLocal<StrongBox<long>?> Current = new();


    /// <summary>Call at the top of the async method that commits; the box then receives the Stopwatch timestamp of its last commit.</summary>
    public static StrongBox<long> Track()
    {
        var box = new StrongBox<long>();
        Current.Value = box;
        return box;
    }

    protected override void OnEvent(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.TransactionCommitted.Name && Current.Value is { } box)
        {
            box.Value = Stopwatch.GetTimestamp();
        }
    }

}

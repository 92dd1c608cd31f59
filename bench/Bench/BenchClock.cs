namespace Inburgering.Bench;

/// <summary>
/// The engine's clock in P2: the system clock, except while frozen. P2 freezes it while it starts the storm's instances,
/// so every start sees the same "now" and its Delay lands on the same instant T; then it runs on real time again. The
/// dispatcher also reads this clock, so nothing can fire early while it is frozen (frozen time is before T).
/// </summary>
internal sealed class BenchClock : TimeProvider
{
    private long _frozenTicks = -1;

    public void Freeze(DateTimeOffset at) => Interlocked.Exchange(ref _frozenTicks, at.UtcTicks);

    public void Unfreeze() => Interlocked.Exchange(ref _frozenTicks, -1);

    public override DateTimeOffset GetUtcNow()
    {
        var frozen = Interlocked.Read(ref _frozenTicks);
        return frozen >= 0 ? new DateTimeOffset(frozen, TimeSpan.Zero) : System.GetUtcNow();
    }
}

namespace Inburgering.Simulation;

/// <summary>The fake clock a script or simulation moves forward (the engine reads it through its <see cref="TimeProvider"/>).</summary>
public interface ISettableClock
{
    DateTimeOffset UtcNow { get; }

    void MoveTo(DateTimeOffset utcNow);
}

/// <summary>A <see cref="TimeProvider"/> that only moves when told to: the clock of a simulation.</summary>
public sealed class SimulationClock(DateTimeOffset start) : TimeProvider, ISettableClock
{
    private long _ticks = start.UtcTicks;

    public DateTimeOffset UtcNow => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public void MoveTo(DateTimeOffset utcNow)
    {
        if (utcNow < UtcNow)
        {
            throw new InvalidOperationException($"A simulation clock only moves forward ({UtcNow:O} → {utcNow:O}).");
        }
        Interlocked.Exchange(ref _ticks, utcNow.UtcTicks);
    }
}

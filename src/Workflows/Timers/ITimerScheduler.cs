namespace Inburgering.Workflows.Timers;

/// <summary>
/// Asked after a burst commits new timers to wake the dispatcher at the earliest of them. The Host implements it with a
/// Hangfire delayed job; without one (tests, simulations) the dispatcher is called directly. A missed wake-up loses
/// nothing: the timer rows stay, and the recurring sweep fires them.
/// </summary>
public interface ITimerScheduler
{
    void WakeAt(DateTimeOffset dueAt);
}

/// <summary>For hosts that drive the dispatcher themselves (tests, fake-time simulations).</summary>
internal sealed class ManualTimerScheduler : ITimerScheduler
{
    public void WakeAt(DateTimeOffset dueAt)
    {
        // Nothing to do: the caller runs TimerDispatcher.FireDueAsync when it moves its clock.
    }
}

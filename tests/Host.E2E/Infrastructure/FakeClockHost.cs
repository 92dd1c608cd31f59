using Inburgering.Workflows.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Inburgering.Host.E2E.Infrastructure;

/// <summary>
/// The Host with a fake clock: pages, queries and deadlines follow it, and <see cref="AdvanceAsync"/> moves it while
/// firing every timer that falls due on the way, at its own moment (as in production, only faster).
/// </summary>
public sealed class FakeClockHost : BrowserHost
{
    /// <summary>Monday 7 September 2026, 08:00 UTC (10:00 in Amsterdam).</summary>
    public static readonly DateTimeOffset Start = new(2026, 9, 7, 8, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start) { AutoAdvanceAmount = TimeSpan.Zero };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
    }

    public Task<int> AdvanceAsync(TimeSpan by)
    {
        var timers = Services.GetRequiredService<TimerDispatcher>();
        return timers.AdvanceAsync(Clock.GetUtcNow() + by, Clock.GetUtcNow, Clock.SetUtcNow);
    }
}

using System.Globalization;
using Jint.Runtime;

namespace Inburgering.Workflows.Expressions;

/// <summary>
/// Jint's time system with "now" taken from the injected <see cref="TimeProvider"/>, so <c>new Date()</c> and
/// <c>Date.now()</c> follow simulations and tests instead of the machine clock. Stateless apart from its inputs,
/// so one instance serves every engine.
/// </summary>
internal sealed class TimeProviderTimeSystem(TimeProvider timeProvider, TimeZoneInfo timeZone)
    : DefaultTimeSystem(timeZone, CultureInfo.InvariantCulture)
{
    public override DateTimeOffset GetUtcNow() => timeProvider.GetUtcNow();
}

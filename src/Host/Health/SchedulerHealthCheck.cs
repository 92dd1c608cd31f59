using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inburgering.Host.Health;

/// <summary>Healthy when Hangfire's storage answers and at least one Hangfire server has sent a heartbeat recently.</summary>
internal sealed class SchedulerHealthCheck(JobStorage storage, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan HeartbeatTolerance = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            var now = time.GetUtcNow().UtcDateTime;
            var alive = servers.Count(s => s.Heartbeat is { } beat && now - beat < HeartbeatTolerance);
            var data = new Dictionary<string, object> { ["servers"] = alive, ["storage"] = storage.GetType().Name };
            return Task.FromResult(alive > 0
                ? HealthCheckResult.Healthy($"{alive} Hangfire server(s) running on {storage.GetType().Name}", data)
                : HealthCheckResult.Unhealthy("No Hangfire server has a recent heartbeat", data: data));
        }
#pragma warning disable CA1031 // a health check reports every failure instead of throwing
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage is unreachable", ex));
        }
    }
}

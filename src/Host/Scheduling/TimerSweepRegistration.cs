using Hangfire;
using Inburgering.Workflows.Timers;
using Microsoft.Extensions.Options;

namespace Inburgering.Host.Scheduling;

/// <summary>
/// At start-up: registers (or updates — never duplicates) the recurring sweep under a fixed id, and runs one sweep at
/// once so timers that came due while no Host ran fire now.
/// </summary>
internal sealed class TimerSweepRegistration(IRecurringJobManager recurring, IBackgroundJobClient jobs, IOptions<TimerOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<TimerJobs>(TimerJobs.SweepJobId, j => j.SweepAsync(CancellationToken.None), options.Value.SweepCron);
        jobs.Enqueue<TimerJobs>(j => j.SweepAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

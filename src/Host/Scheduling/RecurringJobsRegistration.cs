using Hangfire;
using Inburgering.Workflows.Retention;
using Inburgering.Workflows.Timers;
using Microsoft.Extensions.Options;

namespace Inburgering.Host.Scheduling;

/// <summary>
/// At start-up: registers (or updates — never duplicates) the recurring sweeps under fixed ids — the timers' safety net
/// and the retention sweep — and runs each once at once, so timers that came due while no Host ran fire now and
/// klantreizen that ended meanwhile are erased. Registration never fails the boot: a Host killed while it
/// held Hangfire's lock on the recurring job leaves that lock until it expires, so registration is retried in the
/// background (the job usually still exists from the previous run).
/// </summary>
internal sealed partial class RecurringJobsRegistration(
    IRecurringJobManager recurring, IBackgroundJobClient jobs, IOptions<TimerOptions> options, IOptions<RetentionOptions> retention, TimeProvider time,
    ILogger<RecurringJobsRegistration> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        jobs.Enqueue<TimerJobs>(j => j.SweepAsync(CancellationToken.None));
        jobs.Enqueue<RetentionJobs>(j => j.SweepAsync(CancellationToken.None));
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                recurring.AddOrUpdate<TimerJobs>(TimerJobs.SweepJobId, j => j.SweepAsync(CancellationToken.None), options.Value.SweepCron);
                recurring.AddOrUpdate<RetentionJobs>(RetentionJobs.SweepJobId, j => j.SweepAsync(CancellationToken.None), retention.Value.SweepCron);
                return;
            }
#pragma warning disable CA1031 // any storage failure is retried; the Host keeps running and the start-up sweep has run
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRetry(ex, attempt);
                await Task.Delay(TimeSpan.FromSeconds(10), time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering the recurring sweeps failed (attempt {Attempt}); retrying in 10 s")]
    private partial void LogRetry(Exception exception, int attempt);
}

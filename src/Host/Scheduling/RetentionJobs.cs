using Hangfire;
using Inburgering.Workflows.Retention;

namespace Inburgering.Host.Scheduling;

/// <summary>
/// The recurring job that erases klantreizen whose End asked for it (retention, Besluit 9.9) and forgets processed
/// message ids past their window.
/// </summary>
public sealed class RetentionJobs(RetentionSweep sweep)
{
    public const string SweepJobId = "retention-sweep";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await sweep.PruneProcessedMessagesAsync(cancellationToken);
        return await sweep.EraseRequestedAsync(cancellationToken);
    }
}

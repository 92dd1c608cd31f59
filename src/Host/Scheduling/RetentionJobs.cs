using Hangfire;
using Inburgering.Workflows.Retention;

namespace Inburgering.Host.Scheduling;

/// <summary>The recurring job that erases klantreizen whose End asked for it (retention, Besluit 9.9).</summary>
public sealed class RetentionJobs(RetentionSweep sweep)
{
    public const string SweepJobId = "retention-sweep";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task<int> SweepAsync(CancellationToken cancellationToken) => sweep.EraseRequestedAsync(cancellationToken);
}

using Microsoft.Extensions.Logging;

namespace Inburgering.Workflows.Stores.Ef;

/// <summary>
/// Whether the database has the guard function a group of starts sends instead of reading kept events first (migration
/// KeptEventsGuard). One per store; when a batch finds it missing, starts go back to reading first and a warning says why.
/// </summary>
internal sealed partial class KeptEventsGuard(ILogger logger)
{
    private int _missing;

    public bool Available => Volatile.Read(ref _missing) == 0;

    public void Missing(Exception exception)
    {
        if (Interlocked.Exchange(ref _missing, 1) == 0)
        {
            LogMissing(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The database has no function workflow_assert_nothing_kept (migration KeptEventsGuard): starts read kept events first, one more round trip per group. Apply the migrations and restart the Host.")]
    private static partial void LogMissing(ILogger logger, Exception exception);
}

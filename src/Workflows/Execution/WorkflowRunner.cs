using System.Text.Json.Nodes;
using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Expressions;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Stores;
using Inburgering.Workflows.Timers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inburgering.Workflows.Execution;

/// <summary>
/// Runs instances in bursts. Every trigger (start, event, resumed wait, retry, cancel) is one burst: load the instance
/// and its open waits, run until every path waits or ends, and commit everything in one transaction under the
/// instance's concurrency token. A burst that loses a race is thrown away whole and retried on fresh state, so no step
/// runs twice in the committed history and no update is lost.
/// </summary>
public sealed partial class WorkflowRunner(
    IWorkflowStore store,
    DefinitionCatalog catalog,
    ExpressionEvaluator expressions,
    IEnumerable<IWaitObserver> observers,
    IEnumerable<IDeadlineObserver> deadlineObservers,
    BusinessCalendar calendar,
    ITimerScheduler timerScheduler,
    TimeProvider time,
    IOptions<EngineOptions> options,
    ILogger<WorkflowRunner> logger)
{
    private readonly IReadOnlyList<IWaitObserver> _observers = observers.ToList();
    private readonly IReadOnlyList<IDeadlineObserver> _deadlineObservers = deadlineObservers.ToList();
    private readonly EngineOptions _options = options.Value;

    /// <summary>Starts an instance of the latest published version (or the given one) and runs it to its first waits.</summary>
    public async Task<WorkflowInstance> StartAsync(StartInstanceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = await catalog.GetPublishedAsync(request.DefinitionId, request.Version, cancellationToken);
        var variables = InstanceVariables.Create(definition.Model, request.Variables);
        var startAt = StartPoints.Resolve(definition, request.StartAt);
        // Starts that arrive while another start commits are committed together (WorkflowRunner.StartGroups.cs); the
        // caller still gets its own instance, or its own exception.
        var start = new PendingStart(definition, startAt, variables.ToJsonString(), request.CorrelationKey, cancellationToken);
        var instance = await JoinStartGroupAsync(start);
        if (request.CorrelationKey is { } key && start.EventsMayBeKept && instance.Status is InstanceStatus.Running or InstanceStatus.Faulted)
        {
            // An event for this key may have been kept while this start ran (see DeliverEventsKeptForKeyAsync).
            await DeliverEventsKeptForKeyAsync(key, cancellationToken);
        }
        return instance;
    }

    /// <summary>
    /// What <see cref="StartAsync"/> would refuse in <paramref name="request"/>, without starting anything: the variables'
    /// and the start points' field errors together (empty when it would start). An unknown or unpublished definition
    /// throws <see cref="DefinitionNotFoundException"/>, as StartAsync does. For imports that check every klantreis before
    /// the first one starts.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> CheckStartAsync(StartInstanceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = await catalog.GetPublishedAsync(request.DefinitionId, request.Version, cancellationToken);
        var errors = new List<FieldError>();
        try
        {
            InstanceVariables.Create(definition.Model, request.Variables);
        }
        catch (InvalidInputException invalid)
        {
            errors.AddRange(invalid.Errors);
        }
        try
        {
            StartPoints.Resolve(definition, request.StartAt);
        }
        catch (InvalidInputException invalid)
        {
            errors.AddRange(invalid.Errors);
        }
        return errors;
    }

    /// <summary>One start in its own transaction, retried on fresh state when it loses a race.</summary>
    private async Task<WorkflowInstance> StartAloneAsync(PendingStart start, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = await store.OpenForStartsAsync(cancellationToken);
            var (instance, burst) = BeginStart(session, start, time.GetUtcNow());
            await RunStartAsync(burst, start.StartAt);
            var wakeUps = session.AddedTimerDueTimes();
            try
            {
                // The burst's one transaction. A new instance can still lose a race: claiming an event queued for its
                // correlation key deletes a row another burst may take first. Then it runs again on fresh state.
                await session.CommitAsync(cancellationToken);
                ScheduleWakeUp(wakeUps);
                LogBurst(instance.Id, "start", instance.Status);
                return instance;
            }
            catch (StoreConflictException) when (attempt < _options.MaxBurstAttempts)
            {
                LogRetry(instance.Id, "start", attempt);
                await BackOffAsync(attempt, cancellationToken);
            }
        }
    }

    /// <summary>Delivers an event to one instance: every wait for it resumes, or the event is kept until one opens.</summary>
    public Task<BurstOutcome> DeliverEventAsync(Guid instanceId, string eventName, JsonNode? payload, CancellationToken cancellationToken = default) =>
        DeliverEventAsync(instanceId, eventName, payload, messageId: null, cancellationToken);

    /// <summary>Resumes one wait by id (a timer fired, a task completed). Resuming a wait that is already closed does nothing.</summary>
    public async Task<BurstOutcome> ResumeWaitAsync(Guid waitId, JsonNode? payload, CancellationToken cancellationToken = default)
    {
        Guid? instanceId;
        await using (var session = await store.OpenAsync(cancellationToken))
        {
            instanceId = await session.InstanceOfWaitAsync(waitId, cancellationToken);
        }
        if (instanceId is null)
        {
            return BurstOutcome.Ignored("The wait is not open (already resumed or cancelled).");
        }
        return await RunBurstAsync(instanceId.Value, "resume", async burst =>
        {
            if (!await burst.ResumeWaitAsync(waitId, payload))
            {
                return false;
            }
            await burst.RunAsync();
            return true;
        }, cancellationToken);
    }

    public Task<BurstOutcome> CancelAsync(Guid instanceId, string reason, CancellationToken cancellationToken = default) =>
        RunBurstAsync(instanceId, "cancel", async burst =>
        {
            if (burst.Instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
            {
                return false;
            }
            await burst.CancelWaitsAsync(burst.OpenWaits.ToList());
            burst.Instance.Status = InstanceStatus.Cancelled;
            burst.Instance.FinishedAtUtc = burst.Now.UtcDateTime;
            burst.Journal(JournalKind.InstanceCancelled, message: Burst.Truncate(reason, 300));
            return true;
        }, cancellationToken, allowFinished: true);

    [LoggerMessage(Level = LogLevel.Information, Message = "A group of {Count} timers could not commit together; firing them one by one")]
    private partial void LogGroupFallback(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not schedule a timer wake-up after a committed burst; the recurring sweep will fire the timer")]
    private partial void LogWakeFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Burst {Trigger} committed for instance {InstanceId}: {Status}")]
    private partial void LogBurst(Guid instanceId, string trigger, InstanceStatus status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Burst {Trigger} for instance {InstanceId} lost a concurrency race (attempt {Attempt}); retrying on fresh state")]
    private partial void LogRetry(Guid instanceId, string trigger, int attempt);
}

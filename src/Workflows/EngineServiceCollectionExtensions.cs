using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Calendar;
using Inburgering.Workflows.Timers;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Definitions.Validation;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Expressions;
using Inburgering.Workflows.Partners;
using Inburgering.Workflows.Tasks;
using Inburgering.Workflows.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Inburgering.Workflows;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine: activity registry, expressions, validation, definitions and the runner. Activities are
    /// registered separately (e.g. <c>AddStandardActivities()</c>), persistence with <c>AddWorkflowsPersistence</c>.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<EngineOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(new ExpressionOptions());
        services.TryAddSingleton<ExpressionEvaluator>();
        services.TryAddSingleton<ActivityRegistry>();
        services.TryAddSingleton<DefinitionValidator>();
        services.TryAddSingleton<DefinitionCatalog>();
        services.TryAddSingleton<DefinitionStore>();
        services.TryAddSingleton<WorkflowRunner>();
        services.TryAddSingleton<DefinitionSeeder>();
        services.AddOptions<TimerOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CalendarOptions>>().Value);
        services.AddOptions<CalendarOptions>().Validate(o => o.Validate().Count == 0, "Invalid Calendar settings.").ValidateOnStart();
        services.TryAddSingleton<BusinessCalendar>();
        services.TryAddSingleton<ITimerScheduler, ManualTimerScheduler>();
        services.TryAddSingleton<TimerDispatcher>();
        services.AddSingleton<IWaitObserver, TimerWaitObserver>();
        services.AddSingleton<IWaitObserver, TaskWaitObserver>();
        services.AddSingleton<IDeadlineObserver, TaskDeadlineObserver>();
        services.AddOptions<PartnerOptions>().Validate(o => PartnerDirectory.Check(o).Count == 0, "Invalid Partners settings.").ValidateOnStart();
        services.TryAddSingleton<PartnerDirectory>();
        services.TryAddSingleton<TaskQueries>();
        services.TryAddSingleton<Oversight.OverdueQueries>();
        services.TryAddSingleton<Oversight.KlantreisKpis>();
        services.TryAddSingleton<Oversight.PartnerReports>();
        services.TryAddSingleton<Audit.AuditLog>();
        services.TryAddSingleton<Retention.InstanceErasure>();
        services.TryAddSingleton<Retention.RetentionSweep>();
        services.AddOptions<OutboxOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IExpressionGlobals, CalendarExpressionGlobals>();
        return services;
    }
}

using Inburgering.Activities.Control;
using Inburgering.Activities.Events;
using Inburgering.Activities.Tasks;
using Inburgering.Activities.Timers;
using Inburgering.Workflows.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Activities;

public static class ActivitiesServiceCollectionExtensions
{
    /// <summary>Registers the standard activity library: one singleton per type, read by the <see cref="ActivityRegistry"/>.</summary>
    public static IServiceCollection AddStandardActivities(this IServiceCollection services)
    {
        services.AddSingleton<IActivity, Start>();
        services.AddSingleton<IActivity, Finish>();
        services.AddSingleton<IActivity, Decision>();
        services.AddSingleton<IActivity, Switch>();
        services.AddSingleton<IActivity, Fork>();
        services.AddSingleton<IActivity, Join>();
        services.AddSingleton<IActivity, SetVariable>();
        services.AddSingleton<IActivity, WaitForEvent>();
        services.AddSingleton<IActivity, Delay>();
        services.AddSingleton<IActivity, Until>();
        services.AddSingleton<IActivity, PartnerTaskActivity>();
        return services;
    }
}

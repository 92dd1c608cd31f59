using Inburgering.Host.Hosting;
using Inburgering.Contracts.Klantreis;
using Inburgering.Workflows.Outbox;
using MassTransit;

namespace Inburgering.Host.Messaging;

/// <summary>MassTransit 8.5 (Apache-2.0; 9.x is commercial): RabbitMQ in production, in-memory in the embedded default.</summary>
internal static class MessagingSetup
{
    public const string HealthCheckName = "bus";

    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BusOptions>()
            .Bind(builder.Configuration.GetSection(BusOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(BusOptions.SectionName).Get<BusOptions>() ?? new BusOptions();
        Validator.ValidateObject(options);

        builder.Services.AddOptions<CloudEventsOptions>().Bind(builder.Configuration.GetSection(CloudEventsOptions.SectionName));
        builder.Services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection(OutboxOptions.SectionName));
        builder.Services.AddSingleton<IOutboxTransport, MassTransitOutboxTransport>();
        builder.Services.AddSingleton<OutboxDispatcher>();

        builder.Services.AddMassTransit(bus =>
        {
            AddConsumers(bus);
            // Transient failures (database busy) are retried; a message that can never succeed goes to the error queue at once.
            bus.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(r =>
            {
                r.Intervals(200, 1000, 5000);
                r.Ignore<InvalidMessageException>();
            }));
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = HealthCheckName;
                health.Tags.Add("ready");
            });
            bus.SetKebabCaseEndpointNameFormatter();
            if (options.Transport == BusTransport.RabbitMq)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(options.RabbitMqUri!);
                    cfg.PrefetchCount = options.PrefetchCount;
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        // After AddMassTransit: the bus is started before the dispatcher's first round.
        builder.Services.AddHostedService<OutboxDispatcherService>();
        return builder;
    }

    private static void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<CompleteTaskConsumer>().Endpoint(e => e.Name = CompleteTaskConsumer.QueueName);
        AddEventConsumer<BrpIngeschreven>(bus);
        AddEventConsumer<DuoKennisgeving>(bus);
        AddEventConsumer<BijstandToegekend>(bus);
        AddEventConsumer<ExamenUitslag>(bus);
        AddEventConsumer<Verhuisd>(bus);
        AddEventConsumer<BezwaarIngediend>(bus);
        AddEventConsumer<DuoVerlengingBesluit>(bus);
        AddEventConsumer<DuoTermijnUitkomst>(bus);
    }

    private static void AddEventConsumer<T>(IBusRegistrationConfigurator bus) where T : class, IKlantreisEvent =>
        bus.AddConsumer<KlantreisEventConsumer<T>>().Endpoint(e => e.Name = KlantreisEventConsumer<T>.QueueName);
}

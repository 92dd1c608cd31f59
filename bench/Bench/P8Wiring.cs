using System.Text;
using Inburgering.Host.Messaging;
using Inburgering.Workflows.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Inburgering.Bench;

/// <summary>P8's pieces around the engine: its definition, MassTransit on RabbitMQ as the Host wires it, and the broker's identity.</summary>
internal static class P8Wiring
{
    public const string DefinitionId = "bench-p8-task";

    /// <summary>As the Host's default <c>Bus:PrefetchCount</c> (16 starves consumers on this machine, stack.md §3.1).</summary>
    public const ushort PrefetchCount = 128;

    /// <summary>Start → PartnerTask for ISD Bollenstreek (waits: one task, one TaskAssigned outbox row per start) → End.</summary>
    public const string DefinitionJson = """
        {
          "id": "bench-p8-task",
          "name": "Bench: brede intake bij de ISD",
          "description": "Benchmarkdefinitie P8: elke start opent een partnertaak en schrijft een TaskAssigned in de outbox.",
          "activities": [
            { "key": "start", "type": "Start" },
            { "key": "brede-intake", "type": "PartnerTask", "inputs": { "organisation": "isd-bollenstreek", "title": "Brede intake afnemen", "taskType": "brede-intake" } },
            { "key": "einde", "type": "End" }
          ],
          "connections": [
            { "from": "start", "outcome": "Verder", "to": "brede-intake" },
            { "from": "brede-intake", "outcome": "Afgerond", "to": "einde" }
          ]
        }
        """;

    /// <summary>
    /// The Host's outbox path (its <see cref="MassTransitOutboxTransport"/>, the engine's <see cref="OutboxDispatcher"/> and
    /// <see cref="OutboxDispatcherService"/>) and a partner's consumer on its own queue, all on one MassTransit bus over
    /// RabbitMQ with the Host's settings (publisher confirms, prefetch 128, kebab-case endpoints).
    /// </summary>
    public static void AddOutboxOverRabbitMq(IServiceCollection services, Uri broker, ReceiptLog receipts, P8DispatchProbe probe, int? outboxParallelism)
    {
        if (outboxParallelism is { } parallelism)
        {
            // An experiment, as an operator would set Outbox:Parallelism; the default run keeps the engine's default.
            services.Configure<OutboxOptions>(o => o.Parallelism = parallelism);
        }
        // Warnings only (a failed publish, a broker hiccup), to stderr so they never mix with the figures.
        // EF's own command log is left out: DatabaseInitializer's probe of the migrations table fails by design on a new database.
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)
            .AddFilter(DbLoggerCategory.Database.Command.Name, LogLevel.None)
            .AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddSingleton(receipts);
        services.AddOptions<CloudEventsOptions>();
        services.AddSingleton<MassTransitOutboxTransport>();
        services.AddSingleton(sp => probe.Wrap(sp.GetRequiredService<MassTransitOutboxTransport>()));
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<OutboxDispatcherService>();
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConsumer<PartnerInboxConsumer>().Endpoint(e => e.Name = PartnerInboxConsumer.QueueName);
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(broker);
                cfg.PrefetchCount = PrefetchCount;
                cfg.ConfigureEndpoints(context);
            });
        });
    }

    /// <summary>The broker's product, version and Erlang platform as it announces them on connect.</summary>
    public static async Task<string> DescribeBrokerAsync(Uri broker)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        string Property(string name) => connection.ServerProperties?.TryGetValue(name, out var v) == true && v is byte[] bytes ? Encoding.UTF8.GetString(bytes) : "?";
        return $"{Property("product")} {Property("version")} ({Property("platform")}) at {broker.Host}:{broker.Port}";
    }
}

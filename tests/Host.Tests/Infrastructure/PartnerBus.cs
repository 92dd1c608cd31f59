using System.Collections.Concurrent;
using System.Text;
using Inburgering.Contracts.Tasks;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Host.Tests.Infrastructure;

/// <summary>
/// A partner's own system in a test: a separate MassTransit bus on the broker that consumes the outbound task messages
/// on its own queue (as ISD's system would) and sends <see cref="CompleteTask"/> to the Host. It records every message
/// with its MessageId, headers and raw body, for assertions on content, duplicates and privacy.
/// </summary>
public sealed class PartnerBus : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly IBusControl _bus;

    private PartnerBus(ServiceProvider provider)
    {
        _provider = provider;
        _bus = provider.GetRequiredService<IBusControl>();
    }

    public ConcurrentQueue<Received> Messages => _provider.GetRequiredService<ConcurrentQueue<Received>>();

    public static async Task<PartnerBus> StartAsync(Uri broker, string queue = "partner-systeem")
    {
        var services = new ServiceCollection();
        services.AddSingleton(new ConcurrentQueue<Received>());
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<Recorder>().Endpoint(e => e.Name = queue);
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(broker);
                cfg.ConfigureEndpoints(context);
            });
        });
        var provider = services.BuildServiceProvider();
        var partner = new PartnerBus(provider);
        await partner._bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return partner;
    }

    /// <summary>Sends a message to the Host's queue with a given MessageId (a redelivery reuses it).</summary>
    public async Task SendAsync<T>(string queue, T message, Guid messageId) where T : class
    {
        var endpoint = await _bus.GetSendEndpoint(new Uri($"queue:{queue}"));
        await endpoint.Send(message, context => context.MessageId = messageId);
    }

    /// <summary>Waits until <paramref name="done"/> holds over the received messages, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(Func<IReadOnlyList<Received>, bool> done, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var snapshot = Messages.ToList();
            if (done(snapshot))
            {
                return snapshot;
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The partner received {snapshot.Count} message(s) in {timeout}: {string.Join(", ", snapshot.Select(m => m.Type))}");
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        await _provider.DisposeAsync();
    }

    /// <summary>One message as the partner received it.</summary>
    public sealed record Received(string Type, Guid? MessageId, object Message, IReadOnlyDictionary<string, string> Headers, string Body);

    /// <summary>Records every outbound task message type.</summary>
    public sealed class Recorder(ConcurrentQueue<Received> messages)
        : IConsumer<TaskAssigned>, IConsumer<TaskReminder>, IConsumer<TaskOverdue>, IConsumer<TaskCancelled>, IConsumer<TaskCompleted>, IConsumer<TaskExpired>, IConsumer<StepOverdue>
    {
        public Task Consume(ConsumeContext<TaskAssigned> context) => Record(context);

        public Task Consume(ConsumeContext<TaskReminder> context) => Record(context);

        public Task Consume(ConsumeContext<TaskOverdue> context) => Record(context);

        public Task Consume(ConsumeContext<TaskCancelled> context) => Record(context);

        public Task Consume(ConsumeContext<TaskCompleted> context) => Record(context);

        public Task Consume(ConsumeContext<TaskExpired> context) => Record(context);

        public Task Consume(ConsumeContext<StepOverdue> context) => Record(context);

        private Task Record<T>(ConsumeContext<T> context) where T : class
        {
            var headers = context.Headers.GetAll().ToDictionary(h => h.Key, h => h.Value?.ToString() ?? "", StringComparer.Ordinal);
            var body = Encoding.UTF8.GetString(context.ReceiveContext.GetBody());
            messages.Enqueue(new Received(typeof(T).Name, context.MessageId, context.Message, headers, body));
            return Task.CompletedTask;
        }
    }
}

using Inburgering.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inburgering.Host.Tests.Messaging;

/// <summary>One MassTransit message published to and consumed from the throwaway RabbitMQ.</summary>
public sealed class RabbitMqRoundTripTests
{
    [Fact]
    public async Task A_message_published_through_RabbitMQ_is_consumed()
    {
        var received = new TaskCompletionSource<ProbeMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var services = new ServiceCollection();
        services.AddSingleton(received);
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<ProbeConsumer>().Endpoint(e => e.Name = $"probe-{Guid.NewGuid():N}");
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(TestServers.RabbitMqUri);
                cfg.ConfigureEndpoints(context);
            });
        });
        await using var provider = services.BuildServiceProvider();
        var control = provider.GetRequiredService<IBusControl>();
        await control.StartAsync(TestContext.Timeout);
        try
        {
            var sent = new ProbeMessage(Guid.NewGuid(), "hallo");
            await control.Publish(sent);

            var got = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(sent, got);
            Assert.Equal("rabbitmq", control.Address.Scheme);
        }
        finally
        {
            await control.StopAsync(TestContext.Timeout);
        }
    }

    public sealed record ProbeMessage(Guid Id, string Text);

    public sealed class ProbeConsumer(TaskCompletionSource<ProbeMessage> received) : IConsumer<ProbeMessage>
    {
        public Task Consume(ConsumeContext<ProbeMessage> context)
        {
            received.TrySetResult(context.Message);
            return Task.CompletedTask;
        }
    }

    private static class TestContext
    {
        public static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    }
}

using System.Collections.Concurrent;
using MassTransit;

namespace Inburgering.Host.Tests.Infrastructure;

/// <summary>
/// What the Host's consumers finished (or faulted on), by message id: lets a test wait until a duplicate has really
/// been processed instead of hoping a pause was long enough.
/// </summary>
public sealed class ConsumeLog : IConsumeObserver
{
    public ConcurrentQueue<(Guid? MessageId, string Type, bool Faulted)> Done { get; } = new();

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        Done.Enqueue((context.MessageId, typeof(T).Name, false));
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        Done.Enqueue((context.MessageId, typeof(T).Name, true));
        return Task.CompletedTask;
    }

    public async Task WaitForAsync(Guid messageId, int times, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Done.Count(d => d.MessageId == messageId) < times)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Message {messageId} was consumed {Done.Count(d => d.MessageId == messageId)} time(s), expected {times}.");
            }
            await Task.Delay(50);
        }
    }
}

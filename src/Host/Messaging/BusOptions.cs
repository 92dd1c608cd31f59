using System.ComponentModel.DataAnnotations;

namespace Inburgering.Host.Messaging;

public enum BusTransport
{
    InMemory,
    RabbitMq,
}

/// <summary>
/// Which message transport the Host uses. Bound from the <c>Bus</c> section
/// (environment: <c>Bus__Transport=RabbitMq</c>, <c>Bus__RabbitMqUri=amqp://user:pass@host:5672/vhost</c>).
/// </summary>
public sealed class BusOptions : IValidatableObject
{
    public const string SectionName = "Bus";

    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    /// <summary>AMQP URI of the RabbitMQ broker; required when <see cref="Transport"/> is RabbitMq.</summary>
    public Uri? RabbitMqUri { get; set; }

    /// <summary>Messages a consumer endpoint fetches ahead; 16 (the default) starves consumers here, 64–256 does not.</summary>
    [Range(1, 1000)]
    public ushort PrefetchCount { get; set; } = 128;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Transport == BusTransport.RabbitMq && RabbitMqUri is null)
        {
            yield return new ValidationResult("Bus:RabbitMqUri is required when Bus:Transport is RabbitMq.", [nameof(RabbitMqUri)]);
        }
    }
}

using System.ComponentModel.DataAnnotations;

namespace Inburgering.Workflows.Retention;

/// <summary>Section <c>Retention</c>: when the Host erases the klantreizen whose definition asked for it.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>
    /// Cron of the recurring retention sweep (Hangfire). Default hourly at minute 17: the law counts the bewaartermijn in
    /// years, so an hour is soon enough, and it runs once at start-up too.
    /// </summary>
    [Required]
    public string SweepCron { get; set; } = "17 * * * *";

    /// <summary>
    /// How long the ids of processed inbound messages are kept to recognise a redelivery (<c>workflow_inbox</c>).
    /// Brokers redeliver within minutes and partners resend within days; after this window a message with an old id
    /// would count as new (a task completed twice still answers with its first result). Default 90 days.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan ProcessedMessagesFor { get; set; } = TimeSpan.FromDays(90);
}

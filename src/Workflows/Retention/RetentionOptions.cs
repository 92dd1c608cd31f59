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
}

using System.Text.Json.Nodes;
using Inburgering.Contracts.Tasks;
using Inburgering.Workflows.Execution;
using Inburgering.Workflows.Partners;
using Inburgering.Workflows.Tasks;
using MassTransit;

namespace Inburgering.Host.Messaging;

/// <summary>
/// A partner completes a task from its own system. Idempotent by MessageId (recorded in the burst that completes the
/// task); a task completed twice keeps its first result. Invalid messages go to the error queue with the reason.
/// </summary>
internal sealed class CompleteTaskConsumer(WorkflowRunner runner, PartnerDirectory partners) : IConsumer<CompleteTask>
{
    public const string QueueName = "inburgering-complete-task";

    public async Task Consume(ConsumeContext<CompleteTask> context)
    {
        var message = context.Message;
        if (message.TaskId == Guid.Empty)
        {
            throw new InvalidMessageException("CompleteTask zonder taskId.");
        }
        if (string.IsNullOrWhiteSpace(message.Organisation) || !partners.Exists(message.Organisation))
        {
            throw new InvalidMessageException($"CompleteTask van onbekende organisatie '{message.Organisation}'.");
        }
        if (string.IsNullOrWhiteSpace(message.CompletedBy))
        {
            throw new InvalidMessageException("CompleteTask zonder completedBy (wie de taak afrondde, voor de audit).");
        }
        var fields = (message.Fields ?? new Dictionary<string, string?>()).ToDictionary(p => p.Key, p => p.Value is null ? null : (JsonNode?)JsonValue.Create(p.Value));
        var result = await runner.CompleteTaskAsync(new CompleteTaskCommand(
            message.TaskId, TaskActor.Partner(message.CompletedBy, message.Organisation), message.Outcome, fields, context.MessageId?.ToString()),
            context.CancellationToken);
        switch (result.Kind)
        {
            case TaskCompletionKind.Completed or TaskCompletionKind.AlreadyCompleted:
                return;
            case TaskCompletionKind.Invalid:
                throw new InvalidMessageException($"De uitkomst past niet bij het formulier van taak {message.TaskId}: "
                    + string.Join("; ", result.Errors!.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            default:
                throw new InvalidMessageException(result.Reason ?? $"Taak {message.TaskId} kan niet worden afgerond.");
        }
    }
}

using Inburgering.Workflows.Activities;
using Inburgering.Workflows.Definitions;
using Inburgering.Workflows.Instances;

namespace Inburgering.Workflows.Execution;

internal sealed partial class Burst
{
    /// <summary>Puts a node on the queue of paths to run in this burst.</summary>
    public void Schedule(CompiledNode node, Connection? arrivedBy) => _queue.Enqueue((node, arrivedBy));

    /// <summary>Runs queued paths until every path waits or ends.</summary>
    public async Task RunAsync()
    {
        while (_queue.TryDequeue(out var item))
        {
            if (++_steps > _maxSteps)
            {
                RaiseIncident(item.Node, $"De burst is gestopt na {_maxSteps} stappen: waarschijnlijk een lus die nooit wacht.", continueAllowed: false);
                _queue.Clear();
                return;
            }
            await ExecuteAsync(item.Node, item.ArrivedBy);
        }
    }

    /// <summary>
    /// Runs one activity. Its journal entry is written when it completes, waits or faults: the burst's clock does not
    /// move inside a burst, so a separate "started" row would repeat the same time and only add write volume.
    /// </summary>
    public async Task ExecuteAsync(CompiledNode node, Connection? arrivedBy)
    {
        ActivityResult result;
        try
        {
            result = await node.Activity.ExecuteAsync(new ActivityContext(this, node, arrivedBy));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Fault(node, ex);
            return;
        }
        await ApplyAsync(node, result);
    }

    public async Task ApplyAsync(CompiledNode node, ActivityResult result)
    {
        switch (result)
        {
            case ActivityResult.Completed completed:
                Journal(JournalKind.ActivityCompleted, node.Key, node.Node.Type, string.Join(",", completed.Outcomes));
                if (completed.CancelUpstreamWaits)
                {
                    await CancelUpstreamAsync(node);
                }
                Follow(node, completed.Outcomes);
                break;
            case ActivityResult.Waiting waiting:
                await OpenWaitAsync(node, waiting.Wait);
                break;
            case ActivityResult.Absorbed:
                Journal(JournalKind.ActivityCompleted, node.Key, node.Node.Type, message: "Wacht op de andere takken.");
                break;
            case ActivityResult.Terminated terminated:
                Journal(JournalKind.ActivityCompleted, node.Key, node.Node.Type, message: "Werkstroom beëindigd.");
                await CancelWaitsAsync(OpenWaits.ToList());
                _queue.Clear();
                if (terminated.Erase)
                {
                    // Committed with the end: the retention sweep erases the records after this burst, also after a crash.
                    Instance.EraseRequestedAtUtc = Now.UtcDateTime;
                    Complete($"Beëindigd door '{node.Key}'; de gegevens worden gewist (Besluit inburgering 2021 art. 9.9).");
                }
                else
                {
                    Complete($"Beëindigd door '{node.Key}'.");
                }
                break;
            default:
                throw new InvalidOperationException($"Unknown activity result {result.GetType().Name}.");
        }
    }

    private void Follow(CompiledNode node, IEnumerable<string> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            foreach (var connection in node.Outgoing[outcome])
            {
                Schedule(Definition.Nodes[connection.To], connection);
            }
        }
    }

    /// <summary>A Join in "any" mode won: the other branches leading to it stop, waiting or still queued.</summary>
    private async Task CancelUpstreamAsync(CompiledNode node)
    {
        var ancestors = Definition.AncestorsOf(node.Key);
        await CancelWaitsAsync(OpenWaits.Where(w => ancestors.Contains(w.ActivityKey)).ToList());
        foreach (var key in ancestors.Where(k => ActivityState[k] is not null))
        {
            ActivityState[key] = null; // a cancelled branch's half-arrived Join must not fire with one branch next time
        }
        // Other arrivals already queued for this Join are dropped too: "any" continues once.
        var keep = _queue.Where(q => !ancestors.Contains(q.Node.Key) && q.Node.Key != node.Key).ToList();
        _queue.Clear();
        keep.ForEach(_queue.Enqueue);
    }

    private void Fault(CompiledNode node, Exception ex, WaitResumption? resumption = null) =>
        RaiseIncident(node, $"{ex.GetType().Name}: {ex.Message}", continueAllowed: true, resumption);

    /// <summary>
    /// Records the fault in the journal and as an incident. With <c>onFault: continue</c> the path leaves by the Fout
    /// port and the incident stays for attention only; otherwise the path stops and the instance is Faulted until an
    /// operator retries.
    /// </summary>
    private void RaiseIncident(CompiledNode node, string reason, bool continueAllowed, WaitResumption? resumption = null)
    {
        reason = Truncate(reason, 900)!;
        Journal(JournalKind.ActivityFaulted, node.Key, node.Node.Type, message: reason);
        var continues = continueAllowed && node.Node.OnFault == FaultBehavior.Continue;
        Session.Add(new Incident
        {
            Id = Guid.CreateVersion7(Now),
            InstanceId = Instance.Id,
            ActivityKey = node.Key,
            ActivityType = node.Node.Type,
            Message = reason,
            Status = continues ? IncidentStatus.Continued : IncidentStatus.Open,
            CreatedAtUtc = Now.UtcDateTime,
            // Kept only while someone may retry; it may hold a payload (personal data), so it is cleared on resolve.
            ResumptionJson = resumption is null || continues ? null : StoredResumption.ToJson(resumption),
        });
        if (continues)
        {
            Follow(node, [Outcomes.Fault]);
        }
        else
        {
            Instance.OpenIncidents++;
        }
    }
}

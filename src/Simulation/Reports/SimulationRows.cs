using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Stores;
using Inburgering.Workflows.Stores.Memory;
using Inburgering.Workflows.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Simulation.Reports;

/// <summary>
/// What the simulation reads besides bursts — the tasks opened since it last looked, and at the end every task and
/// instance — from the store its instances run on: the engine's memory store or the database.
/// </summary>
internal abstract class SimulationRows
{
    public static SimulationRows For(IServiceProvider services) =>
        services.GetRequiredService<IWorkflowStore>() is MemoryWorkflowStore memory
            ? new InMemory(memory)
            : new InDatabase(services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>());

    /// <summary>Open tasks created at or after <paramref name="sinceUtc"/>, each with its instance's variables, in a fixed order.</summary>
    public async Task<List<(PartnerTask Task, string Variables)>> NewOpenTasksAsync(DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var rows = await ReadNewOpenTasksAsync(sinceUtc, cancellationToken);
        return rows.OrderBy(r => r.Task.CreatedAtUtc).ThenBy(r => r.Task.KlantreisId, StringComparer.Ordinal).ThenBy(r => r.Task.ActivityKey, StringComparer.Ordinal).ToList();
    }

    protected abstract Task<List<(PartnerTask Task, string Variables)>> ReadNewOpenTasksAsync(DateTime sinceUtc, CancellationToken cancellationToken);

    public abstract Task<List<PartnerTask>> AllTasksAsync(CancellationToken cancellationToken);

    /// <summary>Every instance's Version (its committed bursts) and variables.</summary>
    public abstract Task<List<(int Version, string VariablesJson)>> AllInstancesAsync(CancellationToken cancellationToken);

    private sealed class InMemory(MemoryWorkflowStore store) : SimulationRows
    {
        protected override Task<List<(PartnerTask Task, string Variables)>> ReadNewOpenTasksAsync(DateTime sinceUtc, CancellationToken cancellationToken) =>
            Task.FromResult(store.TasksCreatedSince(sinceUtc, t => t.Status == PartnerTaskStatus.Open)
                .Select(t => (t, store.Instance(t.InstanceId)!.VariablesJson))
                .ToList());

        public override Task<List<PartnerTask>> AllTasksAsync(CancellationToken cancellationToken) => Task.FromResult(store.Tasks());

        public override Task<List<(int Version, string VariablesJson)>> AllInstancesAsync(CancellationToken cancellationToken) =>
            Task.FromResult(store.Instances().Select(i => (i.Version, i.VariablesJson)).ToList());
    }

    private sealed class InDatabase(IDbContextFactory<WorkflowsDbContext> dbFactory) : SimulationRows
    {
        protected override async Task<List<(PartnerTask Task, string Variables)>> ReadNewOpenTasksAsync(DateTime sinceUtc, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rows = await db.Tasks.AsNoTracking()
                .Where(t => t.Status == PartnerTaskStatus.Open && t.CreatedAtUtc >= sinceUtc)
                .Join(db.Instances.AsNoTracking(), t => t.InstanceId, i => i.Id, (t, i) => new { Task = t, i.VariablesJson })
                .ToListAsync(cancellationToken);
            return rows.Select(r => (r.Task, r.VariablesJson)).ToList();
        }

        public override async Task<List<PartnerTask>> AllTasksAsync(CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Tasks.AsNoTracking().ToListAsync(cancellationToken);
        }

        public override async Task<List<(int Version, string VariablesJson)>> AllInstancesAsync(CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rows = await db.Instances.AsNoTracking().Select(i => new { i.Version, i.VariablesJson }).ToListAsync(cancellationToken);
            return rows.Select(r => (r.Version, r.VariablesJson)).ToList();
        }
    }
}

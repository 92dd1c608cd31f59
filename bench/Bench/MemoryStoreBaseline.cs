using System.Diagnostics;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Stores.Memory;

namespace Inburgering.Bench;

/// <summary>
/// The memory store's floor for one burst: a unit of work that reads one instance (with its waits), bumps its Version
/// and commits it back, on one thread, over 5,000 instances. What every burst does at least, without the engine.
/// </summary>
internal static class MemoryStoreBaseline
{
    public static async Task<double> UnitsPerSecondAsync(TimeSpan duration)
    {
        var store = new MemoryWorkflowStore();
        var now = new DateTime(2027, 1, 4, 9, 0, 0, DateTimeKind.Utc);
        var ids = new List<Guid>();
        await using (var seed = await store.OpenAsync())
        {
            for (var i = 0; i < 5_000; i++)
            {
                var id = Guid.CreateVersion7();
                ids.Add(id);
                seed.Add(new WorkflowInstance { Id = id, DefinitionId = "bench", DefinitionVersion = 1, Status = InstanceStatus.Running, VariablesJson = "{}", CreatedAtUtc = now, UpdatedAtUtc = now });
            }
            await seed.CommitAsync();
        }
        var watch = Stopwatch.StartNew();
        var count = 0;
        while (watch.Elapsed < duration)
        {
            var id = ids[count % ids.Count];
            await using var unit = await store.OpenAsync();
            var instance = (await unit.FindInstanceAsync(id))!;
            await unit.WaitsOfAsync([id]);
            instance.Version++;
            await unit.CommitAsync();
            count++;
        }
        return count / watch.Elapsed.TotalSeconds;
    }
}

using System.Reflection;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inburgering.Bench;

/// <summary>
/// The floor under P1's engine figure: the rows one start writes (its instance, waits and journal entries, copied from a
/// real start), sent exactly as the engine sends them — one batch of <c>INSERT … SELECT * FROM unnest(…)</c> per table
/// (<see cref="InsertTable"/>), one implicit transaction, on a pooled connection — but without the engine: no definition,
/// burst, change tracker, kept-event reads or expressions. Copies are built before the clock starts. So floor ÷ baseline
/// is the best ratio an engine that commits each start alone could reach on this server, and engine ÷ floor is what the
/// engine's own work costs on top of its rows. (The engine groups starts that arrive together into one commit, which the
/// floor does not: a grouping engine's ceiling is higher, and its own CPU is what limits it.)
/// </summary>
internal sealed class P1Floor
{
    private static readonly MethodInfo ShallowCopy = typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    private readonly NpgsqlDataSource _dataSource;
    private readonly (InsertTable Table, object[] Rows)[] _template;
    private List<(InsertTable Table, object[] Rows)[]> _copies = [];

    private P1Floor(NpgsqlDataSource dataSource, (InsertTable, object[])[] template)
    {
        _dataSource = dataSource;
        _template = template;
    }

    /// <summary>Rows per start (what the floor writes each time).</summary>
    public int RowsPerStart => _template.Sum(t => t.Rows.Length);

    /// <summary>The tables, in the engine's order.</summary>
    public string Tables => string.Join(", ", _template.Select(t => $"{t.Table.TableName} × {t.Rows.Length}"));

    /// <summary>
    /// Reads what the start of <paramref name="instanceId"/> wrote: its instance, waits and journal entries (the first
    /// <paramref name="journalRows"/> of them when given).
    /// </summary>
    public static async Task<P1Floor> CaptureAsync(EngineHost host, Guid instanceId, int? journalRows = null)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instanceId);
        var waits = await db.Waits.AsNoTracking().Where(w => w.InstanceId == instanceId).ToListAsync();
        var journal = await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).ToListAsync();
        (InsertTable, object[]) Table<T>(IEnumerable<T> rows) where T : class =>
            (InsertTable.For(db.Model.FindEntityType(typeof(T))!) ?? throw new InvalidOperationException($"{typeof(T).Name} has no insert table"), rows.Cast<object>().ToArray());
        var template = new[] { Table(new[] { instance }), Table(journal.Take(journalRows ?? journal.Count)), Table(waits) }
            .Where(t => t.Item2.Length > 0)
            .OrderBy(t => t.Item1.Order)
            .ToArray();
        return new P1Floor(host.DataSource, template);
    }

    /// <summary>Builds <paramref name="count"/> copies with fresh ids (outside the measured time).</summary>
    public void Prepare(int count)
    {
        _copies = new List<(InsertTable, object[])[]>(count);
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7();
            _copies.Add(_template.Select(t => (t.Table, t.Rows.Select(r => Copy(r, id)).ToArray())).ToArray());
        }
    }

    /// <summary>Writes copy <paramref name="i"/> as the engine writes a start: one batch on a pooled connection.</summary>
    public async Task WriteAsync(int i)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        foreach (var (table, rows) in _copies[i])
        {
            batch.BatchCommands.Add(table.Command(rows));
        }
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>A copy of a row of the template, moved to a new instance (and a new id of its own where it has one).</summary>
    private static object Copy(object row, Guid instanceId)
    {
        var copy = ShallowCopy.Invoke(row, null)!;
        switch (copy)
        {
            case WorkflowInstance instance:
                instance.Id = instanceId;
                instance.CorrelationKey = "floor-" + instanceId.ToString("N");
                break;
            case WorkflowWait wait:
                wait.Id = Guid.CreateVersion7();
                wait.InstanceId = instanceId;
                break;
            case JournalEntry entry:
                entry.InstanceId = instanceId;
                break;
            default:
                throw new InvalidOperationException($"The floor does not copy {row.GetType().Name} rows.");
        }
        return copy;
    }
}

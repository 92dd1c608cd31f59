using System.Diagnostics;
using Inburgering.Workflows.Instances;
using Inburgering.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inburgering.Bench;

/// <summary>
/// Fills a database with instances fast: binary COPY of clones of one instance that the runner really started (its
/// instance row, open waits and journal), with new ids, versions and times. Columns, column types and value conversions
/// (enums as text, UTC times, jsonb) come from the EF model itself, so the rows match the schema EF created exactly.
/// </summary>
internal sealed class BulkLoader(EngineHost host)
{
    private readonly IModel _model = CreateModel(host);

    private static IModel CreateModel(EngineHost host)
    {
        using var db = host.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContext();
        return db.Model;
    }

    /// <summary>Loads <paramref name="count"/> clones of <paramref name="template"/>, spread over versions 1..versions.</summary>
    public async Task<TimeSpan> LoadAsync(Guid template, int count, int versions, DateTime now)
    {
        WorkflowInstance instance;
        List<WorkflowWait> waits;
        List<JournalEntry> journal;
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync())
        {
            instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == template);
            waits = await db.Waits.AsNoTracking().Where(w => w.InstanceId == template).ToListAsync();
            journal = await db.Journal.AsNoTracking().Where(j => j.InstanceId == template).OrderBy(j => j.Sequence).ToListAsync();
        }

        var sw = Stopwatch.StartNew();
        var random = new Random(20210101);
        // Ids are generated in creation order (Guid v7 of the clone's time), like a system that started them one by one over a year.
        var start = now.AddDays(-365);
        var step = TimeSpan.FromDays(365).Ticks / Math.Max(count, 1);
        var clones = new (Guid Id, DateTime At, int Version)[count];
        for (var i = 0; i < count; i++)
        {
            var at = start.AddTicks(step * i);
            clones[i] = (Guid.CreateVersion7(new DateTimeOffset(at)), at, 1 + (int)((long)i * versions / count));
        }

        await using var connection = await host.DataSource.OpenConnectionAsync();
        await CopyAsync(connection, clones.Select((c, i) =>
        {
            instance.Id = c.Id;
            instance.DefinitionVersion = c.Version;
            instance.CorrelationKey = $"bulk-{i}";
            instance.CreatedAtUtc = c.At;
            instance.UpdatedAtUtc = c.At;
            return (object)instance;
        }));
        await CopyAsync(connection, clones.SelectMany(c => waits.Select(w =>
        {
            w.Id = Guid.CreateVersion7(new DateTimeOffset(c.At.AddTicks(random.Next(1000))));
            w.InstanceId = c.Id;
            w.CreatedAtUtc = c.At;
            return (object)w;
        })));
        await CopyAsync(connection, clones.SelectMany(c => journal.Select(j =>
        {
            j.InstanceId = c.Id;
            j.AtUtc = c.At;
            return (object)j;
        })));
        return sw.Elapsed;
    }

    /// <summary>Binary COPY of mapped entities (all of one type) on a connection of its own; used by P4 for its tasks and instances.</summary>
    public async Task CopyRowsAsync(IEnumerable<object> rows)
    {
        await using var connection = await host.DataSource.OpenConnectionAsync();
        await CopyAsync(connection, rows);
    }

    private async Task CopyAsync(NpgsqlConnection connection, IEnumerable<object> rows)
    {
        IEntityType? entity = null;
        List<(IClrPropertyGetter Getter, Func<object?, object?>? ToProvider, string Type)>? columns = null;
        NpgsqlBinaryImporter? importer = null;
        try
        {
            foreach (var row in rows)
            {
                if (entity is null)
                {
                    entity = _model.FindEntityType(row.GetType()) ?? throw new InvalidOperationException($"{row.GetType()} is not mapped.");
                    var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
                    var properties = entity.GetProperties().ToList();
                    columns = [.. properties.Select(p => (p.GetGetter(), p.GetTypeMapping().Converter?.ConvertToProvider, BaseType(p.GetColumnType(table))))];
                    var sql = $"COPY \"{entity.GetTableName()}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""))}) FROM STDIN (FORMAT BINARY)";
                    importer = await connection.BeginBinaryImportAsync(sql);
                }
                await importer!.StartRowAsync();
                foreach (var (getter, toProvider, type) in columns!)
                {
                    var value = getter.GetClrValueUsingContainingEntity(row);
                    await WriteAsync(importer, toProvider is null ? value : toProvider(value), type);
                }
            }
            if (importer is not null)
            {
                await importer.CompleteAsync();
            }
        }
        finally
        {
            if (importer is not null)
            {
                await importer.DisposeAsync();
            }
        }
    }

    private static string BaseType(string columnType)
    {
        var paren = columnType.IndexOf('(', StringComparison.Ordinal);
        return paren < 0 ? columnType : columnType[..paren].Trim();
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, string type) => value switch
    {
        null => importer.WriteNullAsync(),
        Guid g => importer.WriteAsync(g, type),
        string s => importer.WriteAsync(s, type),
        int i => importer.WriteAsync(i, type),
        long l => importer.WriteAsync(l, type),
        bool b => importer.WriteAsync(b, type),
        DateTime d => importer.WriteAsync(d, type),
        _ => throw new InvalidOperationException($"No COPY writer for {value.GetType()} ({type})."),
    };
}

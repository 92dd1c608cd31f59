using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Inburgering.Workflows.Persistence;

/// <summary>
/// How <see cref="InsertOnlyCommit"/> writes the rows of one entity type: one statement
/// <c>INSERT INTO t (c1, c2, …) SELECT * FROM unnest($1, $2, …)</c> with one typed array per column, whatever the number
/// of rows — one statement text per table, so PostgreSQL prepares it once. Built once per entity type from EF's own
/// model (table, column names and types, value converters), so the rows are written exactly as SaveChanges would write
/// them. Null for a type this path cannot write (store-generated or computed columns, shadow properties, enums without a
/// converter): its rows then go through SaveChanges.
/// </summary>
internal sealed class InsertTable
{
    private static readonly ConcurrentDictionary<IEntityType, InsertTable?> Tables = new();

    private readonly Column[] _columns;
    private readonly string _sql;

    /// <summary>The getters of <see cref="AssignedByDatabase"/> and their CLR defaults, worked out once.</summary>
    private readonly (IClrPropertyGetter Getter, object? Unset)[] _unsetValues;

    private InsertTable(string tableName, Column[] columns, IReadOnlyList<IProperty> assignedByDatabase)
    {
        TableName = tableName;
        _columns = columns;
        AssignedByDatabase = assignedByDatabase;
        _unsetValues = [.. assignedByDatabase.Select(p => (p.GetGetter(), p.ClrType.IsValueType ? Activator.CreateInstance(p.ClrType) : null))];
        Generated = [.. columns.Select(c => c.Property).Where(p => p.ValueGenerated != ValueGenerated.Never), .. assignedByDatabase];
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        var arrays = string.Join(", ", columns.Select((_, i) => $"${i + 1}"));
        var aliases = string.Join(", ", columns.Select((_, i) => $"c{i + 1}"));
        _sql = assignedByDatabase.Count == 0
            ? $"INSERT INTO {Quote(tableName)} ({names}) SELECT * FROM unnest({arrays})"
            // The database numbers the rows (an identity such as the outbox's Sequence): in the order they were added.
            : $"INSERT INTO {Quote(tableName)} ({names}) SELECT {aliases} FROM unnest({arrays}) WITH ORDINALITY AS u({aliases}, n) ORDER BY n";
    }

    public string TableName { get; }

    /// <summary>Properties EF may give a temporary value until the database assigns one (an identity key).</summary>
    public IReadOnlyList<IProperty> Generated { get; }

    /// <summary>
    /// Identity columns the statement leaves out, so the database numbers the rows; nothing reads the numbers back, so
    /// only a writer that needs no value of them (a unit of starts) may rely on that.
    /// </summary>
    public IReadOnlyList<IProperty> AssignedByDatabase { get; }

    /// <summary>
    /// True when every column the statement leaves to the database still holds its CLR default in
    /// <paramref name="entity"/>: a value the caller set there would be dropped and numbered anew, so such a row must not
    /// take this path.
    /// </summary>
    public bool LeavesToDatabase(object entity) =>
        _unsetValues.All(column => Equals(column.Getter.GetClrValueUsingContainingEntity(entity), column.Unset));

    /// <summary>Instances first, then by table name: concurrent writers take their locks in one order.</summary>
    public (int, string) Order => (TableName == "workflow_instances" ? 0 : 1, TableName);

    public static InsertTable? For(IEntityType entityType) => Tables.GetOrAdd(entityType, Build);

    /// <summary>The statement for these rows, with one array parameter per column.</summary>
    public NpgsqlBatchCommand Command(IReadOnlyList<object> entities)
    {
        var command = new NpgsqlBatchCommand(_sql);
        foreach (var column in _columns)
        {
            command.Parameters.Add(column.Values.Parameter(entities));
        }
        return command;
    }

    private static InsertTable? Build(IEntityType entityType)
    {
        if (entityType.GetTableName() is not { } tableName || entityType.GetSchema() is not null || entityType.BaseType is not null)
        {
            return null;
        }
        var table = StoreObjectIdentifier.Table(tableName, schema: null);
        var columns = new List<Column>();
        var assignedByDatabase = new List<IProperty>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.ValueGenerated == ValueGenerated.OnAdd
                && NpgsqlPropertyExtensions.GetValueGenerationStrategy(property) is NpgsqlValueGenerationStrategy.IdentityByDefaultColumn
                    or NpgsqlValueGenerationStrategy.IdentityAlwaysColumn or NpgsqlValueGenerationStrategy.SerialColumn)
            {
                assignedByDatabase.Add(property);
                continue;
            }
            if (property.IsShadowProperty()
                || property.ValueGenerated is ValueGenerated.OnAddOrUpdate or ValueGenerated.OnUpdate or ValueGenerated.OnUpdateSometimes
                || property.GetComputedColumnSql(table) is not null
                || property.GetColumnName(table) is not { } columnName
                || property.GetColumnType(table) is not { } columnType)
            {
                return null;
            }
            var converter = property.GetValueConverter() ?? property.GetRelationalTypeMapping().Converter;
            var providerType = converter?.ProviderClrType ?? property.ClrType;
            var underlying = Nullable.GetUnderlyingType(providerType) ?? providerType;
            if (underlying.IsEnum)
            {
                return null;
            }
            // A nullable value column gets a Nullable<T>[] so a null is written as NULL, not as default(T).
            var elementType = underlying.IsValueType && property.IsNullable ? typeof(Nullable<>).MakeGenericType(underlying) : underlying;
            columns.Add(new Column(property, columnName, ColumnValues.For(entityType.ClrType, property, converter, elementType, ArrayTypeName(columnType))));
        }
        return new InsertTable(tableName, [.. columns], assignedByDatabase);
    }

    /// <summary>"character varying(200)" → "character varying[]": the array type, without the column's length.</summary>
    private static string ArrayTypeName(string columnType)
    {
        var paren = columnType.IndexOf('(', StringComparison.Ordinal);
        return (paren < 0 ? columnType : columnType[..paren]).Trim() + "[]";
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Column(IProperty Property, string Name, ColumnValues Values);
}

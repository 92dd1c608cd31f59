using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace Inburgering.Workflows.Persistence;

/// <summary>
/// One column of an <see cref="InsertTable"/>: its values for a set of rows as one typed array parameter. The getter —
/// the property read and EF's value converter in one compiled delegate — and the parameter's type are worked out once
/// per column, so a row costs no boxing and a parameter no type-name parsing (both showed in P1's client profile).
/// </summary>
internal abstract class ColumnValues
{
    public abstract NpgsqlParameter Parameter(IReadOnlyList<object> entities);

    /// <summary>
    /// The values of <paramref name="property"/> as <paramref name="elementType"/>, written as <paramref name="arrayTypeName"/>
    /// (e.g. "uuid[]"): read exactly as SaveChanges would, through the property's getter and its converter.
    /// </summary>
    public static ColumnValues For(Type entityType, IProperty property, ValueConverter? converter, Type elementType, string arrayTypeName)
    {
        var entity = Expression.Parameter(entityType, "row");
        Expression read = property.PropertyInfo is { } info ? Expression.Property(entity, info) : Expression.Field(entity, property.FieldInfo!);
        Expression value;
        if (converter is null)
        {
            value = To(elementType, read);
        }
        else
        {
            var toProvider = converter.ConvertToProviderExpression;
            var converted = To(elementType, Expression.Invoke(toProvider, To(toProvider.Parameters[0].Type, read)));
            // As in EF, a converter never sees a null: null is written as NULL.
            var canBeNull = !read.Type.IsValueType || Nullable.GetUnderlyingType(read.Type) is not null;
            value = canBeNull
                ? Expression.Condition(Expression.Equal(read, Expression.Constant(null, read.Type)), Expression.Default(elementType), converted)
                : converted;
        }
        var getter = Expression.Lambda(typeof(Func<,>).MakeGenericType(entityType, elementType), value, entity).Compile();
        var type = typeof(ColumnValues<,>).MakeGenericType(entityType, elementType);
        return (ColumnValues)Activator.CreateInstance(type, getter, arrayTypeName)!;
    }

    private static Expression To(Type type, Expression value) => value.Type == type ? value : Expression.Convert(value, type);

    /// <summary>The array type as Npgsql's enum where it has one (no name to parse per parameter), else null.</summary>
    protected static NpgsqlDbType? DbTypeOf(string arrayTypeName) => arrayTypeName switch
    {
        "uuid[]" => NpgsqlDbType.Array | NpgsqlDbType.Uuid,
        "text[]" => NpgsqlDbType.Array | NpgsqlDbType.Text,
        "character varying[]" => NpgsqlDbType.Array | NpgsqlDbType.Varchar,
        "timestamp with time zone[]" => NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        "integer[]" => NpgsqlDbType.Array | NpgsqlDbType.Integer,
        "bigint[]" => NpgsqlDbType.Array | NpgsqlDbType.Bigint,
        "boolean[]" => NpgsqlDbType.Array | NpgsqlDbType.Boolean,
        "jsonb[]" => NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
        _ => null,
    };
}

/// <inheritdoc />
internal sealed class ColumnValues<TEntity, TValue>(Func<TEntity, TValue> getter, string arrayTypeName) : ColumnValues
{
    private readonly NpgsqlDbType? _dbType = DbTypeOf(arrayTypeName);

    public override NpgsqlParameter Parameter(IReadOnlyList<object> entities)
    {
        var values = new TValue[entities.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = getter((TEntity)entities[i]);
        }
        var parameter = new NpgsqlParameter<TValue[]> { TypedValue = values };
        if (_dbType is { } dbType)
        {
            parameter.NpgsqlDbType = dbType;
        }
        else
        {
            parameter.DataTypeName = arrayTypeName;
        }
        return parameter;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Inburgering.Workflows.Persistence;

/// <summary>
/// The single place where PostgreSQL and SQLite differ: JSON columns are <c>jsonb</c> on PostgreSQL and <c>TEXT</c>
/// on SQLite (an unconditional jsonb gets NUMERIC affinity in SQLite and would alter a bare-number document); and
/// every DateTime is UTC on the way in and comes back marked UTC (SQLite stores text and forgets the kind, while
/// PostgreSQL rejects anything but UTC for timestamptz — the guard makes both behave like PostgreSQL).
/// </summary>
internal static class ProviderConventions
{
    /// <summary>Annotation placed on string properties that hold a JSON document.</summary>
    public const string JsonAnnotation = "Inburgering:Json";

    private static readonly ValueConverter<DateTime, DateTime> Utc = new(v => RequireUtc(v), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime?, DateTime?> NullableUtc = new(
        v => v == null ? v : RequireUtc(v.Value),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));

    private static DateTime RequireUtc(DateTime value) => value.Kind == DateTimeKind.Utc
        ? value
        : throw new ArgumentException("Only UTC times are stored; take them from TimeProvider.GetUtcNow().UtcDateTime.", nameof(value));

    public static void Apply(ModelBuilder modelBuilder, DatabaseFacade database)
    {
        var isPostgres = database.IsNpgsql();
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.FindAnnotation(JsonAnnotation) is not null)
                {
                    property.SetColumnType(isPostgres ? "jsonb" : "TEXT");
                }
                if (property.ClrType == typeof(DateTime))
                {
                    property.SetValueConverter(Utc);
                }
                else if (property.ClrType == typeof(DateTime?))
                {
                    property.SetValueConverter(NullableUtc);
                }
            }
        }
    }
}

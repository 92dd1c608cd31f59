using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Inburgering.Workflows.Persistence;

/// <summary>
/// The single place where PostgreSQL and SQLite differ: JSON columns are <c>jsonb</c> on PostgreSQL and <c>TEXT</c>
/// on SQLite (an unconditional jsonb gets NUMERIC affinity in SQLite and would alter a bare-number document).
/// </summary>
internal static class ProviderConventions
{
    /// <summary>Annotation placed on string properties that hold a JSON document.</summary>
    public const string JsonAnnotation = "Inburgering:Json";

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
            }
        }
    }
}

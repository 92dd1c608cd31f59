using Inburgering.Workflows.Persistence;
using Microsoft.Extensions.Options;

namespace Inburgering.Host.Hosting;

internal static class PersistenceSetup
{
    /// <summary>Binds and validates <see cref="DatabaseOptions"/> (a wrong setting fails the boot) and registers the engine's database.</summary>
    public static WebApplicationBuilder AddEnginePersistence(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        Validator.ValidateObject(options);
        builder.Services.AddWorkflowsPersistence(options, builder.Environment.ContentRootPath);
        return builder;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }
}

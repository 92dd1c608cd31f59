using Inburgering.Host.Audit;
using Inburgering.Host.Commands;
using Inburgering.Host.Components;
using Inburgering.Host.Health;
using Inburgering.Host.Hosting;
using Inburgering.Host.Messaging;
using Inburgering.Host.Scheduling;
using Inburgering.Host.Security;
using MudBlazor.Services;

if (args is [ValidateCommand.Name, .. var files])
{
    return await ValidateCommand.RunAsync(files, Console.Out);
}
if (args is [SimulateCommand.Name, .. var options])
{
    return await SimulateCommand.RunAsync(options, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);

// Serve Razor class library assets (MudBlazor) from the build output too, not only from a publish folder.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddSingleton(TimeProvider.System);
builder.AddEnginePersistence();
builder.AddEngine();
builder.AddScheduler();
builder.AddMessaging();
builder.AddSecurity();
builder.Services.AddEngineHealthChecks();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

var app = builder.Build();

await app.InitializeDatabaseAsync();
await app.SeedDefinitionsAsync();

app.WarnAboutDemoClients();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<Inburgering.Host.Audit.ApiAuditMiddleware>();
app.UseAntiforgery();
app.UseSchedulerDashboard();
app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapEngineHealth();
app.MapEngineApi();
app.MapSignInEndpoints();
app.MapAuditEndpoints();
// Every page says what it needs ([Authorize] with a policy); the login page alone is anonymous.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>Entry point; public and partial so WebApplicationFactory can host it in tests.</summary>
public partial class Program;

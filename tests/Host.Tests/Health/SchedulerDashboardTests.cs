using System.Net;
using Inburgering.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Inburgering.Host.Tests.Health;

public sealed class SchedulerDashboardTests
{
    [Fact]
    public async Task The_Hangfire_dashboard_is_refused_to_anyone_but_an_admin_outside_Development()
    {
        using var factory = new HostFactory();
        using var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient();

        using var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Headers;
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
        client.DefaultRequestHeaders.Authorization = null; // each request below says who it is

        var anonymous = await GetAsync(client, null);
        var regie = await GetAsync(client, "demo-regie");
        var partner = await GetAsync(client, "demo-isd-bollenstreek");
        var admin = await GetAsync(client, "demo-admin");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Assert.Equal(HttpStatusCode.Forbidden, regie);
        Assert.Equal(HttpStatusCode.Forbidden, partner);
        Assert.Equal(HttpStatusCode.OK, admin);
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/hangfire", UriKind.Relative));
        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}

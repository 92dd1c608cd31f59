using System.Net;
using System.Net.Http.Headers;
using Inburgering.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Inburgering.Host.Tests.Health;

public sealed class SchedulerDashboardTests
{
    [Fact]
    public async Task The_Hangfire_dashboard_is_refused_to_anyone_but_an_admin_outside_Development_and_a_stranger_is_sent_to_the_login_page()
    {
        using var factory = new HostFactory();
        using var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        // Not following redirects: a stranger's browser is sent to the login page, which would answer 200 itself.
        using var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = null; // each request below says who it is

        var (anonymous, location) = await GetWithLocationAsync(client);
        var regie = await GetAsync(client, "demo-regie");
        var partner = await GetAsync(client, "demo-isd-bollenstreek");
        var admin = await GetAsync(client, "demo-admin");

        Assert.Equal(HttpStatusCode.Redirect, anonymous);
        Assert.Equal("/inloggen?ReturnUrl=%2Fhangfire", location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, regie);
        Assert.Equal(HttpStatusCode.Forbidden, partner);
        Assert.Equal(HttpStatusCode.OK, admin);
    }

    private static async Task<(HttpStatusCode Status, Uri? Location)> GetWithLocationAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        return (response.StatusCode, response.Headers.Location);
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/hangfire", UriKind.Relative));
        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}

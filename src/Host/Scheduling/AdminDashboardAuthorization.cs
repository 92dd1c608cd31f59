using Hangfire.Dashboard;

namespace Inburgering.Host.Scheduling;

/// <summary>
/// Hangfire's dashboard is for admins: a signed-in user in the <c>admin</c> role. In Development a local request is
/// also let in, so a developer can look without logging in; in production "local" means nothing behind a reverse proxy.
/// </summary>
internal sealed class AdminDashboardAuthorization(bool allowLocalRequests) : IDashboardAuthorizationFilter
{
    public const string AdminRole = "admin";

    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated == true && http.User.IsInRole(AdminRole))
        {
            return true;
        }
        return allowLocalRequests && http.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote);
    }
}

using System.Net;
using System.Text;
using Inburgering.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Host.Tests.Security;

/// <summary>
/// Every endpoint and page of the Host, for every role: the table below says who may use each, the test asks the
/// running Host as each role (with its demo token) and as a stranger, and fails for an endpoint missing from the table.
/// </summary>
public sealed class AuthorizationTableTests : IDisposable
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Callers = ["admin", "regie", "coordinator", "systeem", "isd-bollenstreek"];

    private static readonly string[] All = ["admin", "regie", "coordinator", "systeem", "isd-bollenstreek"];
    private static readonly string[] ReadDefinitions = ["admin", "regie", "coordinator"];
    private static readonly string[] DesignDefinitions = ["admin", "coordinator"];
    private static readonly string[] ReadInstances = ["admin", "regie", "coordinator"];
    private static readonly string[] OperateInstances = ["admin", "regie", "systeem"];
    private static readonly string[] Administer = ["admin"];
    private static readonly string[] EraseRecords = ["admin", "regie"];
    private static readonly string[] Tasks = ["admin", "regie", "isd-bollenstreek"];

    /// <summary>(method, route pattern) → who may call it; <see cref="Anonymous"/> means anyone, signed in or not.</summary>
    private static readonly Dictionary<(string Method, string Pattern), string[]> Table = new()
    {
        [("GET", "/api/definitions/")] = ReadDefinitions,
        [("GET", "/api/definitions/{id}")] = ReadDefinitions,
        [("GET", "/api/definitions/{id}/versions")] = ReadDefinitions,
        [("GET", "/api/definitions/{id}/versions/{version:int}")] = ReadDefinitions,
        [("GET", "/api/definitions/{id}/diff")] = ReadDefinitions,
        [("POST", "/api/definitions/validate")] = ReadDefinitions,
        [("PUT", "/api/definitions/{id}/draft")] = DesignDefinitions,
        [("POST", "/api/definitions/{id}/publish")] = DesignDefinitions,
        [("GET", "/api/activity-types")] = ReadDefinitions,
        [("POST", "/api/instances/")] = OperateInstances,
        [("POST", "/api/instances/import")] = OperateInstances,
        [("GET", "/api/instances/")] = ReadInstances,
        [("GET", "/api/instances/{id:guid}")] = ReadInstances,
        [("GET", "/api/instances/{id:guid}/journal")] = ReadInstances,
        [("POST", "/api/instances/{id:guid}/cancel")] = OperateInstances,
        [("POST", "/api/instances/{id:guid}/erase")] = EraseRecords,
        [("POST", "/api/instances/{id:guid}/events/{name}")] = OperateInstances,
        [("POST", "/api/events/{name}")] = OperateInstances,
        [("GET", "/api/incidents/")] = ReadInstances,
        [("POST", "/api/incidents/{id:guid}/retry")] = Administer,
        [("GET", "/api/tasks/")] = Tasks,
        [("GET", "/api/tasks/{id:guid}")] = Tasks,
        [("POST", "/api/tasks/{id:guid}/complete")] = Tasks,
        [("POST", "/api/tasks/{id:guid}/reassign")] = Tasks,
        [("GET", "/api/organisations")] = All,
        [("POST", "/api/simulations")] = ReadDefinitions,
        [("POST", "/api/tryouts/")] = ReadDefinitions,
        [("POST", "/api/tryouts/template")] = ReadDefinitions,
        [("GET", "/api/reports/partners.csv")] = ReadInstances,
        [("GET", "/api/reports/overdue")] = ReadInstances,
        [("GET", "/api/reports/kpis")] = ReadInstances,
        [("GET", "/api/audit")] = Administer,
        [("GET", "/health")] = [Anonymous],
        [("GET", "/openapi/{documentName}.json")] = [Anonymous],
        [("POST", "/account/login")] = [Anonymous],
        [("GET", "/account/login/oidc")] = [Anonymous],
        [("POST", "/account/logout")] = All,
    };

    /// <summary>Pages answer GET and (for their forms) POST, with the same rule.</summary>
    private static readonly Dictionary<string, string[]> Pages = new(StringComparer.Ordinal)
    {
        ["/"] = All,
        ["/inloggen"] = [Anonymous],
        ["/geen-toegang"] = All,
        ["/definities"] = ReadDefinitions,
        ["/ontwerpen/{Id}"] = ReadDefinitions,
        ["/dashboard"] = ReadInstances,
        ["/inbox"] = Tasks,
        ["/taken/{Id:guid}"] = Tasks,
        // Any signed-in user may ask; the page shows the regie everything, a partner only a klantreis it has a task in
        // (and only what those tasks share), and anyone else "geen toegang".
        ["/klantreizen/{Id:guid}"] = All,
        ["/rapportages"] = ReadInstances,
        ["/audit"] = Administer,
    };

    static AuthorizationTableTests()
    {
        foreach (var (page, allowed) in Pages)
        {
            Table[("GET", page)] = allowed;
            Table[("POST", page)] = allowed;
        }
    }

    private readonly HostFactory _factory = new();

    [Fact]
    public void Every_endpoint_of_the_Host_is_in_the_table()
    {
        var missing = Endpoints().Select(e => $"{e.Method} {e.Pattern}").Where(e => !Table.Keys.Any(k => $"{k.Method} {k.Pattern}" == e)).ToList();
        Assert.True(missing.Count == 0, "Not in the authorisation table: " + string.Join("; ", missing));
        var stale = Table.Keys.Where(k => !Endpoints().Contains((k.Method, k.Pattern))).ToList();
        Assert.True(stale.Count == 0, "In the table but not in the Host: " + string.Join("; ", stale));
    }

    [Fact]
    public async Task Each_role_may_use_exactly_what_the_table_says()
    {
        var failures = new List<string>();
        foreach (var ((method, pattern), allowed) in Table)
        {
            foreach (var caller in Callers.Append(Anonymous))
            {
                var (status, location) = await CallAsync(method, pattern, caller);
                var mayCall = allowed.Contains(Anonymous) || allowed.Contains(caller);
                // Refused: 401/403, or a page that sends a stranger to the login page or a signed-in user to "geen toegang".
                var refused = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || (status == HttpStatusCode.Redirect && location is { } to && (to.Contains("ReturnUrl=", StringComparison.Ordinal) || to.Contains("/geen-toegang", StringComparison.Ordinal)));
                if (mayCall == refused)
                {
                    failures.Add($"{method} {pattern} as {caller}: {(int)status} {location} ({(mayCall ? "should be allowed" : "should be refused")})");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private IEnumerable<(string Method, string Pattern)> Endpoints()
    {
        _ = _factory.Server;
        var sources = _factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            // Framework plumbing, not ours to authorise: static files (anonymous by design) and Blazor's circuit hub,
            // which only carries pages that were authorised when they were requested.
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null && Path.HasExtension(pattern) && !pattern.StartsWith("/api", StringComparison.Ordinal) && !pattern.StartsWith("/openapi", StringComparison.Ordinal)
                || pattern.StartsWith("/_blazor", StringComparison.Ordinal) || pattern.StartsWith("/_framework", StringComparison.Ordinal) || pattern.Contains("{**", StringComparison.Ordinal))
            {
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is not "HEAD" and not "OPTIONS"))
            {
                yield return (method, pattern);
            }
        }
    }

    private async Task<(HttpStatusCode Status, string? Location)> CallAsync(string method, string pattern, string caller)
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = caller == Anonymous ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", $"demo-{caller}");
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:(\w+))?\}", m => m.Groups[3].Value switch
        {
            "guid" => Guid.NewGuid().ToString(),
            "int" => "1",
            _ => m.Groups[1].Value == "documentName" ? "v1" : "x",
        });
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (path.StartsWith("/account/", StringComparison.Ordinal) || Pages.ContainsKey(pattern))
        {
            // Forms without an antiforgery token: an allowed caller gets 400 (or the login page's own answer), nothing changes.
            request.Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("userName", "niemand")]);
        }
        else if (method is "POST" or "PUT")
        {
            // Unreadable JSON: an allowed caller gets 400 from the handler's binding and nothing runs.
            request.Content = new StringContent("{", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Headers.Location?.ToString());
    }

    public void Dispose() => _factory.Dispose();
}

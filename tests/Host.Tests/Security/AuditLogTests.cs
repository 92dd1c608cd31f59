using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Inburgering.Host.Tests.Api;
using Inburgering.Host.Tests.Infrastructure;

namespace Inburgering.Host.Tests.Security;

/// <summary>Reads of a klantreis's personal data and every change through the API land in the audit log, for admins only.</summary>
public sealed class AuditLogTests : IDisposable
{
    private readonly HostFactory _factory = new();

    [Fact]
    public async Task A_read_of_an_instance_and_every_change_are_logged_with_who_and_the_status_and_only_admins_read_the_log()
    {
        using var coordinator = _factory.CreateClientAs("coordinator");
        using var regie = _factory.CreateClientAs("regie");
        using var admin = _factory.CreateClientAs("admin");
        (await coordinator.PutAsync(new Uri("/api/definitions/api-flow/draft", UriKind.Relative),
            new StringContent(DefinitionApiTests.Definition().ToJson(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await coordinator.PostAsync(new Uri("/api/definitions/api-flow/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var started = await regie.PostAsJsonAsync("/api/instances", new { definitionId = "api-flow", correlationKey = "kr-audit" });
        var id = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        (await regie.GetAsync(new Uri($"/api/instances/{id}", UriKind.Relative))).EnsureSuccessStatusCode();
        (await regie.GetAsync(new Uri("/api/instances", UriKind.Relative))).EnsureSuccessStatusCode();

        var reads = await admin.GetFromJsonAsync<JsonObject>($"/api/audit?subject=/api/instances/{id}");
        var read = Assert.Single(reads!["items"]!.AsArray())!;
        Assert.Equal(("demo-regie", "api.gelezen", "HTTP 200"), (read["actor"]!.GetValue<string>(), read["action"]!.GetValue<string>(), read["details"]!.GetValue<string>()));
        Assert.Equal("regie", read["role"]!.GetValue<string>());

        var changes = await admin.GetFromJsonAsync<JsonObject>("/api/audit?action=api.POST");
        var paths = changes!["items"]!.AsArray().Select(i => (i!["actor"]!.GetValue<string>(), i["subject"]!.GetValue<string>())).ToList();
        Assert.Contains(("demo-coordinator", "/api/definitions/api-flow/publish"), paths);
        Assert.Contains(("demo-regie", "/api/instances"), paths);
        var puts = await admin.GetFromJsonAsync<JsonObject>("/api/audit?action=api.PUT");
        Assert.Equal(1, puts!["total"]!.GetValue<int>());

        // Listing instances is no read of one person's details; and the log itself is for admins.
        var list = await admin.GetFromJsonAsync<JsonObject>("/api/audit?subject=/api/instances");
        Assert.DoesNotContain(list!["items"]!.AsArray(), i => i!["action"]!.GetValue<string>() == "api.gelezen");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await regie.GetAsync(new Uri("/api/audit", UriKind.Relative))).StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}

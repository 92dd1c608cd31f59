using Npgsql;

namespace Inburgering.Testing;

/// <summary>
/// Where the real servers started by <c>test.sh</c> are. A test that needs one and does not find it fails with the
/// reason: tests never silently skip a missing PostgreSQL or RabbitMQ.
/// </summary>
public static class TestServers
{
    public const string PostgresVariable = "INBURGERING_TEST_POSTGRES";
    public const string PostgresDataDirVariable = "INBURGERING_TEST_POSTGRES_DATADIR";
    public const string RabbitMqVariable = "INBURGERING_TEST_RABBITMQ";
    public const string RabbitMqCtlVariable = "INBURGERING_TEST_RABBITMQCTL";

    /// <summary>Connection string of the throwaway PostgreSQL's maintenance database.</summary>
    public static string PostgresConnectionString => Require(PostgresVariable, "a throwaway PostgreSQL");

    /// <summary>The data directory the throwaway PostgreSQL was initialised in, so tests can prove which server they reached.</summary>
    public static string PostgresDataDirectory => Require(PostgresDataDirVariable, "a throwaway PostgreSQL");

    /// <summary>AMQP URI of the throwaway RabbitMQ.</summary>
    public static Uri RabbitMqUri => new(Require(RabbitMqVariable, "a throwaway RabbitMQ"));

    /// <summary>A script that runs <c>rabbitmqctl</c> against the throwaway broker (written by <c>test.sh</c>).</summary>
    public static string RabbitMqCtl => Require(RabbitMqCtlVariable, "control of the throwaway RabbitMQ (rabbitmqctl)");

    /// <summary>Runs <c>rabbitmqctl</c> with <paramref name="arguments"/> against the throwaway broker; fails with its output.</summary>
    public static async Task RabbitMqCtlAsync(params string[] arguments)
    {
        var info = new System.Diagnostics.ProcessStartInfo(RabbitMqCtl, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static readonly SemaphoreSlim VirtualHostGate = new(1, 1);
    private static readonly Queue<string> SpareVirtualHosts = new();

    /// <summary>
    /// A virtual host of its own on the throwaway broker, so a test's queues and messages never meet another test's
    /// (Hosts bind the same queue names). Returns the AMQP URI of the new vhost. rabbitmqctl boots an Erlang VM per call
    /// (~4 s here), so vhosts are made 16 at a time with one <c>import_definitions</c> and handed out one by one.
    /// </summary>
    public static async Task<Uri> CreateRabbitMqVirtualHostAsync()
    {
        await VirtualHostGate.WaitAsync();
        try
        {
            if (SpareVirtualHosts.Count == 0)
            {
                var names = Enumerable.Range(0, 16).Select(_ => $"t-{Guid.NewGuid():N}").ToList();
                var definitions = new System.Text.Json.Nodes.JsonObject
                {
                    ["vhosts"] = new System.Text.Json.Nodes.JsonArray(names.Select(n => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["name"] = n }).ToArray()),
                    ["permissions"] = new System.Text.Json.Nodes.JsonArray(names.Select(n => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
                    {
                        ["user"] = "guest", ["vhost"] = n, ["configure"] = ".*", ["write"] = ".*", ["read"] = ".*",
                    }).ToArray()),
                };
                var file = Path.Combine(Path.GetTempPath(), $"vhosts-{Guid.NewGuid():N}.json");
                await File.WriteAllTextAsync(file, definitions.ToJsonString());
                try
                {
                    await RabbitMqCtlAsync("-q", "import_definitions", file);
                }
                finally
                {
                    File.Delete(file);
                }
                names.ForEach(SpareVirtualHosts.Enqueue);
            }
            var vhost = SpareVirtualHosts.Dequeue();
            return new UriBuilder(RabbitMqUri) { Path = "/" + Uri.EscapeDataString(vhost) }.Uri;
        }
        finally
        {
            VirtualHostGate.Release();
        }
    }

    /// <summary>Creates an empty database on the throwaway server and returns its connection string.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(PostgresConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = name }.ConnectionString;
    }

    private static string Require(string variable, string what) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: this test needs {what}. Run the tests with ./test.sh, which starts the servers and sets it.");
}

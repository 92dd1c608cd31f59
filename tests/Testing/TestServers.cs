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

    /// <summary>Connection string of the throwaway PostgreSQL's maintenance database.</summary>
    public static string PostgresConnectionString => Require(PostgresVariable, "a throwaway PostgreSQL");

    /// <summary>The data directory the throwaway PostgreSQL was initialised in, so tests can prove which server they reached.</summary>
    public static string PostgresDataDirectory => Require(PostgresDataDirVariable, "a throwaway PostgreSQL");

    /// <summary>AMQP URI of the throwaway RabbitMQ.</summary>
    public static Uri RabbitMqUri => new(Require(RabbitMqVariable, "a throwaway RabbitMQ"));

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

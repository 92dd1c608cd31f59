using Inburgering.Testing;
using Npgsql;

namespace Inburgering.Workflows.Tests.Persistence;

/// <summary>Proves the suite talks to the throwaway PostgreSQL 15 that test.sh started, not some other server.</summary>
public sealed class PostgresServerTests
{
    [Fact]
    public async Task Talks_to_the_throwaway_PostgreSQL_15_on_loopback()
    {
        await using var connection = new NpgsqlConnection(TestServers.PostgresConnectionString);
        await connection.OpenAsync();

        await using var command = new NpgsqlCommand(
            "SELECT current_setting('server_version_num')::int, current_setting('data_directory'), host(inet_server_addr())", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        var versionNumber = reader.GetInt32(0);
        Assert.InRange(versionNumber, 150000, 159999);
        Assert.Equal(Path.GetFullPath(TestServers.PostgresDataDirectory), Path.GetFullPath(reader.GetString(1)));
        Assert.Equal("127.0.0.1", reader.GetString(2));
    }
}

using Inburgering.Testing;
using Inburgering.Workflows.Persistence;
using Inburgering.Workflows.Stores;
using Npgsql;

namespace Inburgering.Workflows.Tests.Persistence;

/// <summary>
/// A start batch whose read after the commit fails: the writes may have committed or not, and the batch asks the
/// database instead of guessing — "yes" makes the read's failure an unknown look, "no" throws the batch's error (nothing
/// committed, safe to try again), no answer throws <see cref="CommitOutcomeUnknownException"/> (never tried again).
/// </summary>
public sealed class BatchOutcomeTests
{
    [Fact]
    public async Task A_read_that_fails_after_writes_that_landed_is_an_unknown_look()
    {
        await using var connection = await OpenAsync();
        await using var batch = FailingLookAfterInsert(connection);

        var keys = await InsertOnlyCommit.ExecuteAsync(batch, writes: 1, rows: 1, CancellationToken.None, landed: () => RowExistsAsync(connection));

        Assert.Null(keys);
        Assert.True(await RowExistsAsync(connection));
    }

    [Fact]
    public async Task When_the_database_says_the_writes_did_not_land_the_batch_s_error_is_thrown()
    {
        await using var connection = await OpenAsync();
        await using var batch = FailingLookAfterInsert(connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            InsertOnlyCommit.ExecuteAsync(batch, writes: 1, rows: 1, CancellationToken.None, landed: () => Task.FromResult(false)));

        Assert.Equal("22012", error.SqlState); // division by zero: the look's own error, handed on as "not committed"
    }

    [Fact]
    public async Task When_the_database_cannot_be_asked_the_outcome_is_unknown()
    {
        await using var connection = await OpenAsync();
        await using var batch = FailingLookAfterInsert(connection);
        var asked = 0;

        var error = await Assert.ThrowsAsync<CommitOutcomeUnknownException>(() =>
            InsertOnlyCommit.ExecuteAsync(batch, writes: 1, rows: 1, CancellationToken.None,
                landed: () => { asked++; throw new NpgsqlException("the server went away"); }));

        Assert.Equal(3, asked);
        Assert.IsType<PostgresException>(error.InnerException);
    }

    private static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(await TestServers.CreatePostgresDatabaseAsync("batch"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE TABLE probe_rows (id integer PRIMARY KEY)", connection);
        await create.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>An insert, the error barrier (its commit), then a read that fails.</summary>
    private static NpgsqlBatch FailingLookAfterInsert(NpgsqlConnection connection) => new(connection)
    {
        BatchCommands =
        {
            new NpgsqlBatchCommand("INSERT INTO probe_rows (id) VALUES (1)") { AppendErrorBarrier = true },
            new NpgsqlBatchCommand("""SELECT (1 / 0)::text AS "CorrelationKey" """),
        },
    };

    private static async Task<bool> RowExistsAsync(NpgsqlConnection used)
    {
        await using var connection = new NpgsqlConnection(used.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM probe_rows WHERE id = 1)", connection);
        return await command.ExecuteScalarAsync() is true;
    }
}

using Npgsql;

namespace Inburgering.Bench;

/// <summary>
/// The durability floor P1 and P5 compare with: one single-row <c>INSERT</c> and its <c>COMMIT</c> on the same server,
/// with about one journal row's worth of text.
/// </summary>
internal static class CommitBaseline
{
    private static readonly string Payload = new('x', 200);

    public static Task CreateTableAsync(EngineHost host) =>
        host.ExecuteAsync("CREATE TABLE bench_baseline (id uuid PRIMARY KEY, payload text NOT NULL)");

    /// <summary>One transaction on <paramref name="connection"/>.</summary>
    public static async Task InsertAndCommitAsync(NpgsqlConnection connection)
    {
        await using var tx = await connection.BeginTransactionAsync();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO bench_baseline (id, payload) VALUES ($1, $2)";
        cmd.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Payload });
        await cmd.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }
}

using static Inburgering.Bench.Stats;

namespace Inburgering.Bench;

/// <summary>
/// P8's correctness check: every task opened (warm-up and probes included) produced exactly one TaskAssigned that the
/// partner consumed, with the outbox row's id as MessageId; nothing is left unpublished; every baseline message arrived.
/// Throws when wrong. Redeliveries of the same MessageId are allowed by at-least-once delivery and are counted apart (0 expected here).
/// </summary>
internal static class P8Check
{
    public static async Task<bool> RunAsync(TextWriter output, EngineHost host, ReceiptLog receipts, List<string> engineKeys, List<string> baselineKeys, TimeSpan drain)
    {
        var engineMissing = await receipts.WaitForAsync(engineKeys, drain);
        var baselineMissing = await receipts.WaitForAsync(baselineKeys, TimeSpan.FromSeconds(5));

        var outboxIds = new HashSet<Guid>();
        await using (var cmd = host.DataSource.CreateCommand("""SELECT "Id" FROM workflow_outbox WHERE "MessageType" = 'TaskAssigned'"""))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                outboxIds.Add(reader.GetGuid(0));
            }
        }
        var otherRows = await host.ScalarAsync("""SELECT count(*) FROM workflow_outbox WHERE "MessageType" <> 'TaskAssigned'""");
        var undispatched = await host.ScalarAsync("""SELECT count(*) FROM workflow_outbox WHERE "DispatchedAtUtc" IS NULL""");
        var attemptsFailed = await host.ScalarAsync("""SELECT count(*) FROM workflow_outbox WHERE "LastError" IS NOT NULL""");
        // Each dispatcher round marks its whole batch with one timestamp: distinct marks = rounds that published something.
        var rounds = await host.ScalarAsync("""SELECT count(DISTINCT "DispatchedAtUtc") FROM workflow_outbox""");
        var openTasks = await host.ScalarAsync("""SELECT count(*) FROM workflow_tasks WHERE "Status" = 'Open' AND "Organisation" = 'isd-bollenstreek'""");
        var running = await host.ScalarAsync("""SELECT count(*) FROM workflow_instances WHERE "Status" = 'Running'""");
        var incidents = await host.ScalarAsync("SELECT count(*) FROM workflow_incidents");

        var expected = engineKeys.Count;
        var consumed = engineKeys.Count(k => receipts.TryGet(k, out _));
        var notFromOutbox = engineKeys.Count(k => receipts.TryGet(k, out var r) && !outboxIds.Contains(r.MessageId));
        var baselineConsumed = baselineKeys.Count(k => receipts.TryGet(k, out _));
        var correct = engineMissing == 0 && consumed == expected && notFromOutbox == 0 && receipts.SecondMessages == 0
                      && outboxIds.Count == expected && otherRows == 0 && undispatched == 0
                      && openTasks == expected && running == expected && incidents == 0
                      && baselineMissing == 0 && baselineConsumed == baselineKeys.Count;
        output.WriteLine(
            $"P8 check: {N(expected)} instances started, {N(running)} Running with {N(openTasks)} open ISD tasks; {N(outboxIds.Count)} TaskAssigned outbox rows " +
            $"({undispatched} unpublished, {otherRows} other rows, {attemptsFailed} with a failed attempt; published in {N(rounds)} dispatcher rounds, {F((double)outboxIds.Count / Math.Max(rounds, 1))} per round); " +
            $"consumed {N(consumed)} ({engineMissing} missing, {notFromOutbox} without an outbox MessageId, {receipts.SecondMessages} second messages for one task); " +
            $"baseline {N(baselineConsumed)} of {N(baselineKeys.Count)} consumed; {incidents} incidents: {(correct ? "OK" : "WRONG")}");
        // Where the engine's latency goes: from the burst's clock to the dispatcher's mark (after the broker confirmed).
        await using (var cmd = host.DataSource.CreateCommand(
            """
            SELECT percentile_cont(ARRAY[0.5, 0.9, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM "DispatchedAtUtc" - "CreatedAtUtc")), max(extract(epoch FROM "DispatchedAtUtc" - "CreatedAtUtc"))
            FROM workflow_outbox WHERE "DispatchedAtUtc" IS NOT NULL
            """))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            if (await reader.ReadAsync() && !reader.IsDBNull(0))
            {
                var p = reader.GetFieldValue<double[]>(0);
                output.WriteLine($"P8 outbox rows, burst → marked published (engine clock, all rows): p50 {F(p[0] * 1000)} ms p90 {F(p[1] * 1000)} ms p99 {F(p[2] * 1000)} ms max {F(Convert.ToDouble(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) * 1000)} ms");
            }
        }
        output.WriteLine($"P8 redeliveries (same MessageId consumed again; at-least-once allows them, 0 expected in a calm run): {receipts.Duplicates}");
        // A lost or doubled notification is a bug, not a finding: fail the run (as P2 and P3 do).
        return correct ? true : throw new InvalidOperationException("P8 check failed: see the 'P8 check' line above.");
    }
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Inburgering.Bench;

/// <summary>
/// P4: the commands EF sends while capturing is on, with copies of their parameters, so the bench can run exactly
/// those statements again under <c>EXPLAIN (ANALYZE, BUFFERS)</c>.
/// </summary>
internal sealed class P4CommandCapture : EfEventListener
{
    private volatile bool _on;

    public sealed record Command(string Sql, NpgsqlParameter[] Parameters);

    public ConcurrentQueue<Command> Commands { get; } = new();

    public void Capture(bool on)
    {
        if (on)
        {
            Commands.Clear();
        }
        _on = on;
    }

    protected override void OnEvent(KeyValuePair<string, object?> value)
    {
        if (_on && value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data)
        {
            Commands.Enqueue(new Command(data.Command.CommandText, [.. data.Command.Parameters.OfType<NpgsqlParameter>().Select(p => p.Clone())]));
        }
    }
}

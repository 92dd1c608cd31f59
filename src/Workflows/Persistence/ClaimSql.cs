using System.Runtime.CompilerServices;

namespace Inburgering.Workflows.Persistence;

/// <summary>
/// The claim queries of the timer and outbox dispatchers are one statement on both providers, except where PostgreSQL
/// needs more: <c>{skipLocked}</c> becomes <c>FOR UPDATE SKIP LOCKED</c> (several Hosts take disjoint batches; SQLite
/// has one writer anyway) and <c>{asText}</c> casts a jsonb column to text. Values stay parameters (<c>{0}</c>, …).
/// </summary>
internal static class ClaimSql
{
    public static FormattableString For(DatabaseProvider provider, string format, params object[] arguments)
    {
        var postgres = provider == DatabaseProvider.Postgres;
        var sql = format
            .Replace("{skipLocked}", postgres ? " FOR UPDATE SKIP LOCKED" : "", StringComparison.Ordinal)
            .Replace("{asText}", postgres ? "::text" : "", StringComparison.Ordinal);
        return FormattableStringFactory.Create(sql, arguments);
    }
}

namespace Inburgering.Workflows.Stores;

/// <summary>
/// A unit of work could not commit and nothing of it did: it lost a race (an instance or task it read changed meanwhile,
/// a row it deletes is gone, a key it adds is taken) or the store refused a row. The burst runs again on fresh state.
/// </summary>
public class StoreConflictException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A unit of starts assumed no event was kept for its correlation keys (<see cref="IStoreSession.CheckNothingKeptAtCommit"/>)
/// and the commit found one: nothing committed; run the starts again, reading the kept events first.
/// </summary>
public sealed class KeptEventsFoundException(Exception? inner = null)
    : StoreConflictException("An event is kept for a correlation key the starts assumed had none; nothing committed.", inner);

/// <summary>
/// A commit whose outcome cannot be known: its connection failed after the writes ran, and asking the database whether
/// they landed failed too. Nothing may be retried as if it had not happened (that could start a klantreis twice); the
/// callers get this error, as they would a timeout from any database client.
/// </summary>
public sealed class CommitOutcomeUnknownException(Exception inner)
    : Exception("The commit's outcome is unknown: the connection failed after the writes, and the database could not be asked whether they landed.", inner);

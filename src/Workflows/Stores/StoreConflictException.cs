namespace Inburgering.Workflows.Stores;

/// <summary>
/// A unit of work could not commit and nothing of it did: it lost a race (an instance or task it read changed meanwhile,
/// a row it deletes is gone, a key it adds is taken) or the store refused a row. The burst runs again on fresh state.
/// </summary>
public sealed class StoreConflictException(string message, Exception? inner = null) : Exception(message, inner);

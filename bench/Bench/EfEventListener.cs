using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Bench;

/// <summary>
/// Listens to EF Core's DiagnosticListener for the life of the object, without changing the engine: the bench's
/// measurements (SQL counts, commit moments, dispatcher rounds) each see every EF event through <see cref="OnEvent"/>.
/// </summary>
internal abstract class EfEventListener : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    protected EfEventListener() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>One EF Core event (name and payload), on the thread and async flow that raised it.</summary>
    protected abstract void OnEvent(KeyValuePair<string, object?> value);

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        // EF Core's events, and the engine's own one-batch commit of starts (InsertOnlyCommit), which EF does not see.
        if (value.Name is DbLoggerCategory.Name or Workflows.Persistence.InsertOnlyCommit.DiagnosticName)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value) => OnEvent(value);

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
        GC.SuppressFinalize(this);
    }
}

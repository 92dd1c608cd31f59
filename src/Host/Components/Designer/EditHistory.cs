namespace Inburgering.Host.Components.Designer;

/// <summary>Undo and redo as snapshots of the document's JSON: every edit is one step, the oldest dropped after <see cref="MaxSteps"/>.</summary>
internal sealed class EditHistory
{
    public const int MaxSteps = 100;

    private readonly LinkedList<string> _undo = new();
    private readonly Stack<string> _redo = new();

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

    /// <summary>Remembers the document as it was before an edit; a new edit ends what could be redone.</summary>
    public void Record(string before)
    {
        _undo.AddLast(before);
        if (_undo.Count > MaxSteps)
        {
            _undo.RemoveFirst();
        }
        _redo.Clear();
    }

    public bool TryUndo(string current, out string previous)
    {
        if (_undo.Last is not { } last)
        {
            previous = current;
            return false;
        }
        _undo.RemoveLast();
        _redo.Push(current);
        previous = last.Value;
        return true;
    }

    public bool TryRedo(string current, out string next)
    {
        if (!_redo.TryPop(out next!))
        {
            next = current;
            return false;
        }
        _undo.AddLast(current);
        return true;
    }
}

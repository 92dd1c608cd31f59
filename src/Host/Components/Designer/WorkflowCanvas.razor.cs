using System.Text.Json.Nodes;
using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.PathGenerators;
using Blazor.Diagrams.Core.Routers;
using Blazor.Diagrams.Options;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Inburgering.Host.Components.Designer;

/// <summary>
/// Maps the definition document onto a Z.Blazor.Diagrams canvas and the user's gestures back onto the document. This is
/// the only place that knows the canvas library. Changes made on the canvas (move, connect, delete) go to the session
/// without redrawing; changes made elsewhere (palette, properties, undo, import) redraw the canvas from the document.
/// </summary>
public sealed partial class WorkflowCanvas : IDisposable
{
    private readonly List<string> _removedNodes = [];
    private readonly List<(string, string, string)> _removedLinks = [];
    private bool _rebuilding;
    private bool _flushQueued;
    private ElementReference _element;

    [Parameter, EditorRequired]
    public DesignerSession Session { get; set; } = null!;

    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>
    /// The activity type being dragged from the palette, if any. A function, not a value: the drop can arrive before a
    /// re-render would have passed the new value down.
    /// </summary>
    [Parameter]
    public Func<string?> DraggedType { get; set; } = () => null;

    [Parameter]
    public EventCallback<string?> SelectionChanged { get; set; }

    internal BlazorDiagram Diagram { get; private set; } = null!;

    protected override void OnInitialized()
    {
        var options = new BlazorDiagramOptions
        {
            AllowMultiSelection = true,
            GridSize = 10,
            Links =
            {
                DefaultRouter = new NormalRouter(),
                DefaultPathGenerator = new SmoothPathGenerator(),
                RequireTarget = true,
                EnableSnapping = true,
                // Links start only at outcome ports, and not at all when the user may only look.
                Factory = (_, source, target) => !ReadOnly && source is OutcomePortModel port ? new LinkModel(new SinglePortAnchor(port), target) : null!,
            },
            Zoom = { Minimum = MinimumZoom, Maximum = MaximumZoom },
            Constraints =
            {
                ShouldDeleteNode = _ => ValueTask.FromResult(!ReadOnly),
                ShouldDeleteLink = _ => ValueTask.FromResult(!ReadOnly),
            },
        };
        Diagram = new BlazorDiagram(options);
        Diagram.RegisterComponent<ActivityNodeModel, ActivityNodeWidget>();
        Diagram.Links.Added += OnLinkAdded;
        Diagram.Links.Removed += OnLinkRemoved;
        Diagram.Nodes.Removed += OnNodeRemoved;
        Diagram.SelectionChanged += OnSelectionChanged;
        Session.Changed += OnSessionChanged;
        Rebuild();
    }

    /// <summary>Selects one activity; with <paramref name="reveal"/> (from the error list) also pans it into the middle.</summary>
    internal void Select(string key, bool reveal = false)
    {
        if (Diagram.Nodes.OfType<ActivityNodeModel>().FirstOrDefault(n => n.Key == key) is not { } node)
        {
            return;
        }
        Diagram.UnselectAll();
        Diagram.SelectModel(node, unselectOthers: true);
        var container = Diagram.Container;
        if (reveal && container is not null)
        {
            Diagram.SetPan(container.Width / 2 - (node.Position.X + 100) * Diagram.Zoom, container.Height / 2 - (node.Position.Y + 40) * Diagram.Zoom);
        }
    }

    /// <summary>
    /// Fits every activity in view. The canvas's size is read again first: the library measures it once, and the side
    /// panel or the window may have changed it since, which made "fit" leave the right-hand part outside.
    /// </summary>
    internal async Task ZoomToFitAsync()
    {
        var rect = await JS.InvokeAsync<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", [_element]);
        Diagram.SetContainer(rect);
        Diagram.ZoomToFit(40);
    }

    internal void ZoomBy(double factor) => Diagram.SetZoom(Math.Clamp(Diagram.Zoom * factor, MinimumZoom, MaximumZoom));

    /// <summary>
    /// Low enough for "Alles in beeld" to fit the default klantreis (101 activities, ≈ 6,700 px wide) in a laptop's
    /// canvas; at 0.2 a third of it stayed outside on the right.
    /// </summary>
    private const double MinimumZoom = 0.1;

    private const double MaximumZoom = 2;

    internal IReadOnlyList<string> SelectedKeys => Diagram.GetSelectedModels().OfType<ActivityNodeModel>().Select(n => n.Key).ToList();

    /// <summary>Adds an activity near the middle of what is visible (the palette's click, for those who do not drag).</summary>
    internal string AddInView(string type)
    {
        var container = Diagram.Container;
        var point = container is null
            ? new Point(40, 40)
            : Diagram.GetRelativePoint(container.Width / 2 - 100 + Diagram.Nodes.Count % 5 * 20, container.Height / 2 - 40 + Diagram.Nodes.Count % 5 * 20);
        return Session.AddActivity(type, point.X, point.Y);
    }

    private Task OnDropAsync(DragEventArgs e)
    {
        if (ReadOnly || DraggedType() is not { } type)
        {
            return Task.CompletedTask;
        }
        var point = Diagram.GetRelativeMousePoint(e.ClientX, e.ClientY);
        var key = Session.AddActivity(type, point.X, point.Y);
        Select(key);
        return SelectionChanged.InvokeAsync(key);
    }

    private void OnSessionChanged(bool rebuild)
    {
        if (rebuild)
        {
            Rebuild();
        }
        else
        {
            RefreshErrors();
        }
    }

    /// <summary>Draws the document: every activity with its ports, then every connection whose ports exist.</summary>
    private void Rebuild()
    {
        _rebuilding = true;
        try
        {
            var selected = SelectedKeys.ToHashSet(StringComparer.Ordinal);
            Diagram.Batch(() =>
            {
                Diagram.Links.Clear();
                Diagram.Nodes.Clear();
                var layout = AutoLayout.Positions(Session);
                foreach (var activity in Session.ActivityObjects)
                {
                    var key = DesignerSession.Text(activity, "key");
                    if (key is null || Diagram.Nodes.Any(n => n.Id == key))
                    {
                        continue;
                    }
                    var descriptor = Session.DescriptorOf(activity);
                    var node = new ActivityNodeModel(key, layout[key], hasInput: DesignerSession.Text(activity, "type") != Inburgering.Workflows.Activities.WellKnownActivityTypes.Start)
                    {
                        Title = DesignerSession.Text(activity, "displayName") ?? descriptor?.DisplayName ?? key,
                        TypeName = DesignerSession.Text(activity, "type") ?? "",
                        TypeDisplayName = descriptor?.DisplayName ?? $"Onbekend type '{DesignerSession.Text(activity, "type")}'",
                        Icon = descriptor?.Icon ?? "",
                        Locked = ReadOnly,
                    };
                    foreach (var outcome in Session.OutcomesOf(key))
                    {
                        node.AddOutcome(outcome.Name);
                    }
                    // A connection may name a port the activity no longer has (a form outcome removed): show it, validation reports it.
                    foreach (var (from, outcome, _) in Session.ConnectionTuples.Where(c => c.From == key))
                    {
                        if (node.FindOutcome(outcome) is null)
                        {
                            node.AddOutcome(outcome);
                        }
                    }
                    node.Moved += OnNodeMoved;
                    Diagram.Nodes.Add(node);
                    if (selected.Contains(key))
                    {
                        Diagram.SelectModel(node, unselectOthers: false);
                    }
                }
                foreach (var (from, outcome, to) in Session.ConnectionTuples)
                {
                    var source = FindNode(from)?.FindOutcome(outcome);
                    var target = FindNode(to)?.InputPort;
                    if (source is not null && target is not null)
                    {
                        Diagram.Links.Add(new LinkModel(source, target));
                    }
                }
            });
            RefreshErrors();
        }
        finally
        {
            _rebuilding = false;
        }
    }

    private void RefreshErrors()
    {
        foreach (var node in Diagram.Nodes.OfType<ActivityNodeModel>())
        {
            var count = Session.ErrorsOf(node.Key).Sum(g => g.Count());
            if (count != node.ErrorCount)
            {
                node.ErrorCount = count;
                node.Refresh();
            }
        }
    }

    private ActivityNodeModel? FindNode(string key) => Diagram.Nodes.OfType<ActivityNodeModel>().FirstOrDefault(n => n.Key == key);

    private void OnNodeMoved(MovableModel model)
    {
        if (!_rebuilding && !ReadOnly && model is ActivityNodeModel node)
        {
            Session.MoveActivity(node.Key, node.Position.X, node.Position.Y);
        }
    }

    private void OnLinkAdded(BaseLinkModel link)
    {
        if (!_rebuilding)
        {
            link.TargetAttached += OnTargetAttached;
        }
    }

    private void OnTargetAttached(BaseLinkModel link)
    {
        link.TargetAttached -= OnTargetAttached;
        if (link.Source is SinglePortAnchor { Port: OutcomePortModel source } && link.Target is SinglePortAnchor { Port: InputPortModel target }
            && Session.Connect(source.Activity.Key, source.Outcome, ((ActivityNodeModel)target.Parent).Key, fromCanvas: true))
        {
            return;
        }
        // Not a connection the document can hold (already there, or port to port of the wrong kind): take the line away.
        _rebuilding = true;
        Diagram.Links.Remove(link);
        _rebuilding = false;
    }

    private void OnLinkRemoved(BaseLinkModel link)
    {
        if (_rebuilding || !link.IsAttached)
        {
            return;
        }
        if (link.Source is SinglePortAnchor { Port: OutcomePortModel source } && link.Target is SinglePortAnchor { Port: InputPortModel target })
        {
            _removedLinks.Add((source.Activity.Key, source.Outcome, ((ActivityNodeModel)target.Parent).Key));
            QueueFlush();
        }
    }

    private void OnNodeRemoved(NodeModel node)
    {
        if (_rebuilding || node is not ActivityNodeModel activity)
        {
            return;
        }
        activity.Moved -= OnNodeMoved;
        _removedNodes.Add(activity.Key);
        QueueFlush();
    }

    /// <summary>A delete of several selected items arrives as one event per item: they become one undo step.</summary>
    private void QueueFlush()
    {
        if (_flushQueued)
        {
            return;
        }
        _flushQueued = true;
        _ = InvokeAsync(() =>
        {
            _flushQueued = false;
            if (_removedLinks.Count > 0)
            {
                Session.Disconnect(_removedLinks.ToList(), fromCanvas: true);
                _removedLinks.Clear();
            }
            if (_removedNodes.Count > 0)
            {
                Session.RemoveActivities(_removedNodes.ToList(), fromCanvas: true);
                _removedNodes.Clear();
            }
        });
    }

    private void OnSelectionChanged(SelectableModel model)
    {
        if (_rebuilding)
        {
            return;
        }
        var selected = Diagram.GetSelectedModels().OfType<ActivityNodeModel>().ToList();
        _ = InvokeAsync(() => SelectionChanged.InvokeAsync(selected.Count == 1 ? selected[0].Key : null));
    }

    public void Dispose()
    {
        Session.Changed -= OnSessionChanged;
        Diagram.Links.Added -= OnLinkAdded;
        Diagram.Links.Removed -= OnLinkRemoved;
        Diagram.Nodes.Removed -= OnNodeRemoved;
        Diagram.SelectionChanged -= OnSelectionChanged;
    }
}

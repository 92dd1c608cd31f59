using MudBlazor;

namespace Inburgering.Host.Components.Designer;

/// <summary>The descriptors name icons in words (<c>assignment</c>, <c>timer</c>); these are the Material icons for them.</summary>
internal static class ActivityIcons
{
    public static string For(string? name) => name switch
    {
        "play" or "play_arrow" or "start" => Icons.Material.Filled.PlayArrow,
        "stop" or "end" => Icons.Material.Filled.Stop,
        "assignment" or "task" => Icons.Material.Filled.Assignment,
        "timer" or "delay" or "hourglass" => Icons.Material.Filled.HourglassBottom,
        "event" or "calendar" or "until" => Icons.Material.Filled.Event,
        "decision" or "help" or "call_split" => Icons.Material.Filled.CallSplit,
        "switch" or "alt_route" => Icons.Material.Filled.AltRoute,
        "merge" or "join" => Icons.Material.Filled.MergeType,
        "fork_right" or "fork" => Icons.Material.Filled.ForkRight,
        "variable" or "edit" or "set" => Icons.Material.Filled.Edit,
        "mail" or "message" or "notifications" => Icons.Material.Filled.Notifications,
        "gavel" or "fine" => Icons.Material.Filled.Gavel,
        _ => Icons.Material.Filled.Circle,
    };
}

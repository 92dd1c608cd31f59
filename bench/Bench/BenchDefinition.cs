using System.Globalization;

namespace Inburgering.Bench;

/// <summary>The benchmark definition: Start → Fork into three branches → three WaitForEvent → Join (all) → End.</summary>
internal static class BenchDefinition
{
    public const string Id = "bench-fork3";

    public static readonly string[] Events = ["BenchEventA", "BenchEventB", "BenchEventC"];

    /// <param name="revision">Changes only the description, so every revision is a new published version.</param>
    public static string Json(int revision = 1) => """
        {
          "id": "bench-fork3",
          "name": "Bench: drie parallelle wachtpunten",
          "description": "Benchmarkdefinitie, revisie REVISION.",
          "activities": [
            { "key": "start", "type": "Start" },
            { "key": "splits", "type": "Fork", "inputs": { "branches": ["a", "b", "c"] } },
            { "key": "wacht-a", "type": "WaitForEvent", "inputs": { "event": "BenchEventA" } },
            { "key": "wacht-b", "type": "WaitForEvent", "inputs": { "event": "BenchEventB" } },
            { "key": "wacht-c", "type": "WaitForEvent", "inputs": { "event": "BenchEventC" } },
            { "key": "samen", "type": "Join", "inputs": { "mode": "all" } },
            { "key": "einde", "type": "End" }
          ],
          "connections": [
            { "from": "start", "outcome": "Verder", "to": "splits" },
            { "from": "splits", "outcome": "a", "to": "wacht-a" },
            { "from": "splits", "outcome": "b", "to": "wacht-b" },
            { "from": "splits", "outcome": "c", "to": "wacht-c" },
            { "from": "wacht-a", "outcome": "Ontvangen", "to": "samen" },
            { "from": "wacht-b", "outcome": "Ontvangen", "to": "samen" },
            { "from": "wacht-c", "outcome": "Ontvangen", "to": "samen" },
            { "from": "samen", "outcome": "Verder", "to": "einde" }
          ]
        }
        """.Replace("REVISION", revision.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

using Inburgering.Testing;

namespace Inburgering.Workflows.Tests.Execution;

/// <summary>Definitions the execution tests share.</summary>
internal static class Flows
{
    /// <summary>Start → Fork into <paramref name="branches"/> WaitForEvent (events e1…eN) → Join all → End.</summary>
    public static string ForkJoin(string id, int branches)
    {
        var names = Enumerable.Range(1, branches).Select(i => $"b{i}").ToArray();
        var builder = new DefinitionBuilder(id)
            .Variable("ontvangen", "number", 0)
            .Activity("start", "Start")
            .Activity("splits", "Fork", new { branches = names })
            .Activity("samen", "Join", new { mode = "all" })
            .Activity("einde", "End")
            .Connect("start", "Verder", "splits")
            .Connect("samen", "Verder", "einde");
        foreach (var name in names)
        {
            builder.Activity($"wacht-{name}", "WaitForEvent", new { @event = $"e{name[1..]}", assign = new { ontvangen = "variables.ontvangen + 1" } })
                .Connect("splits", name, $"wacht-{name}")
                .Connect($"wacht-{name}", "Ontvangen", "samen");
        }
        return builder.ToJson();
    }

    /// <summary>Start → SetVariable that throws at run time (continue or suspend) → End.</summary>
    public static string Failing(string id, string? onFault = null)
    {
        var builder = new DefinitionBuilder(id)
            .Variable("x", "number", 0)
            .Variable("deler", "number", 0)
            .Activity("start", "Start")
            .Activity("rekenen", "SetVariable", new { variable = "x", value = "if (variables.deler === 0) { throw new Error('deler is nul'); } 10 / variables.deler" }, onFault)
            .Activity("einde", "End")
            .Connect("start", "Verder", "rekenen")
            .Connect("rekenen", "Verder", "einde");
        if (onFault == "continue")
        {
            builder.Activity("fout-einde", "End").Connect("rekenen", "Fout", "fout-einde");
        }
        return builder.ToJson();
    }
}

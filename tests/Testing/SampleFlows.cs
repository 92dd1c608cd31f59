namespace Inburgering.Testing;

/// <summary>Definitions several test projects use.</summary>
public static class SampleFlows
{
    /// <summary>Start → Delay <paramref name="duration"/> → End.</summary>
    public static string Delay(string id, string duration) => new DefinitionBuilder(id)
        .Activity("start", "Start").Activity("wacht", "Delay", new { duration }).Activity("einde", "End")
        .Connect("start", "Verder", "wacht").Connect("wacht", "Verder", "einde").ToJson();

    /// <summary>
    /// PIP within 10 weeks of DUO's kennisgeving (statutory, Besluit inburgering 2021 art. 5.3 lid 1), started from the
    /// variable <c>kennisgevingDatum</c>; optionally with reminders and repeated escalation.
    /// </summary>
    public static string Pip(string id, string[]? reminders = null, string? escalateEvery = null)
    {
        var inputs = new Dictionary<string, object>
        {
            ["event"] = "PipVastgesteld",
            ["deadline"] = "P10W",
            ["deadlineStart"] = new { expression = "variables.kennisgevingDatum" },
            ["deadlineStartEvent"] = "kennisgeving DUO",
            ["deadlineKind"] = "wettelijk",
            ["deadlineRule"] = "PIP binnen 10 weken na kennisgeving",
            ["deadlineSource"] = "Besluit inburgering 2021 art. 5.3 lid 1",
        };
        if (reminders is not null)
        {
            inputs["reminders"] = reminders;
        }
        if (escalateEvery is not null)
        {
            inputs["escalateEvery"] = escalateEvery;
        }
        return new DefinitionBuilder(id)
            .Variable("kennisgevingDatum", "date")
            .Activity("start", "Start")
            .Activity("pip", "WaitForEvent", inputs)
            .Activity("einde", "End")
            .Connect("start", "Verder", "pip").Connect("pip", "Ontvangen", "einde").ToJson();
    }
}

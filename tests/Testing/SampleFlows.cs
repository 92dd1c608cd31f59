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

    /// <summary>The BSN every privacy test plants in the sensitive variable <c>bsn</c> (valid elfproef, not a real person's).</summary>
    public const string PlantedBsn = "123456782";

    /// <summary>
    /// Start → PartnerTask "intake" for ISD Bollenstreek (form: leerroute choice and pipDatum date, both required for
    /// Afgerond; outcomes Afgerond and NietVerschenen) → End "klaar" / End "niet-verschenen". The task shares <c>naam</c>
    /// with the partner, never the sensitive <c>bsn</c>. Statutory deadline of 10 weeks from the start, reminder
    /// <paramref name="reminders"/>, escalation every <paramref name="escalateEvery"/>; <paramref name="expire"/> makes
    /// it expire at the deadline (port Verlopen → End "verlopen").
    /// </summary>
    public static string Intake(string id, string[]? reminders = null, string? escalateEvery = null, bool expire = false, string organisation = "isd-bollenstreek")
    {
        var inputs = new Dictionary<string, object>
        {
            ["organisation"] = organisation,
            ["title"] = "Brede intake afnemen",
            ["instructions"] = "Nodig de inburgeraar uit voor de brede intake; Vluchtelingenwerk is bij het eerste gesprek.",
            ["taskType"] = "brede-intake",
            ["form"] = new
            {
                fields = new object[]
                {
                    new { name = "leerroute", label = "Leerroute", type = "choice", options = new[] { "B1", "Z", "onderwijs" }, requiredFor = new[] { "Afgerond" } },
                    new { name = "pipDatum", label = "Datum PIP", type = "date", requiredFor = new[] { "Afgerond" } },
                    new { name = "uren", label = "Uren per week", type = "number" },
                    new { name = "tolk", label = "Tolk nodig", type = "yesNo" },
                    new { name = "toelichting", label = "Toelichting", type = "text" },
                },
                outcomes = new object[] { new { name = "Afgerond", label = "Intake afgerond" }, new { name = "NietVerschenen", label = "Niet verschenen" } },
            },
            ["share"] = new[] { "naam" },
            ["fieldsVariable"] = "intake",
            ["assign"] = new { leerroute = "input.leerroute" },
            ["deadline"] = "P10W",
            ["deadlineKind"] = "wettelijk",
            ["deadlineRule"] = "Brede intake binnen 10 weken",
        };
        if (reminders is not null)
        {
            inputs["reminders"] = reminders;
        }
        if (escalateEvery is not null)
        {
            inputs["escalateEvery"] = escalateEvery;
        }
        if (expire)
        {
            inputs["onDeadline"] = "verlopen";
        }
        var builder = new DefinitionBuilder(id)
            .Variable("bsn", "text").Variable("naam", "text").Variable("leerroute", "text").Variable("intake", "json")
            .Activity("start", "Start")
            .Activity("intake", "PartnerTask", inputs)
            .Activity("klaar", "End").Activity("niet-verschenen", "End")
            .Connect("start", "Verder", "intake").Connect("intake", "Afgerond", "klaar").Connect("intake", "NietVerschenen", "niet-verschenen");
        if (expire)
        {
            builder.Activity("verlopen", "End").Connect("intake", "Verlopen", "verlopen");
        }
        var node = builder.ToNode();
        node["variables"]![0]!["sensitive"] = true; // bsn
        return node.ToJsonString();
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Inburgering.Simulation.Forecast;

namespace Inburgering.Simulation.Behaviour;

/// <summary>
/// How simulated partners answer their tasks, by task type: mostly within the term, about one in ten late; a person's
/// no-shows drive the brede-intake ladder and their (non-)cooperation the handhaving path. Answers follow the forms of
/// the klantreis definition, so they pass the same validation as a real partner's. Deterministic for a seeded random.
/// </summary>
public sealed class PartnerBehaviour(Random random)
{
    private const double LateShare = 0.1;

    /// <summary>The partner's answer to a task opened on <paramref name="opened"/>, due on <paramref name="due"/>.</summary>
    /// <param name="variables">The instance's variables when the task was seen (e.g. the proposed fine).</param>
    /// <param name="events">Events the outside world sends as a consequence (a bezwaar, DUO's decisions).</param>
    public TaskResponse Respond(string taskType, Person person, DateOnly opened, DateOnly? due, JsonObject variables, List<PlannedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(events);
        DateOnly OnTime(int min, int max) => due is { } d && random.NextDouble() < LateShare
            ? d.AddDays(random.Next(1, 21))
            : Later(opened, random.Next(min, max + 1), due);
        string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        TaskResponse Done(DateOnly day, string outcome, JsonObject? fields = null) => new(day, outcome, fields ?? []);

        switch (taskType)
        {
            case "brede-intake" or "brede-intake-tweede-oproep" or "brede-intake-derde-oproep":
            {
                var attempt = taskType switch { "brede-intake" => 1, "brede-intake-tweede-oproep" => 2, _ => 3 };
                if (person.IntakeNoShows >= 4 && attempt == 3)
                {
                    return TaskResponse.Never; // the term of the boetebeschikking passes: the task expires
                }
                var day = Later(opened, random.Next(5, 20), due);
                return person.IntakeNoShows >= attempt
                    ? Done(day, "NietVerschenen")
                    : Done(day, "Afgerond", new JsonObject { ["intakeDatum"] = Day(day), ["leerbaarheidstoets"] = "afgenomen", ["voorlopigeLeerroute"] = person.Leerroute });
            }
            case "boete-intake":
            {
                var day = Later(opened, random.Next(1, 4), due);
                return Done(day, "Verzonden", new JsonObject { ["besluitDatum"] = Day(day) });
            }
            case "brede-intake-zonder-betrokkene":
                return Done(OnTime(3, 10), "Afgerond", new JsonObject { ["voorlopigeLeerroute"] = person.Leerroute });
            case "mb-starten":
            {
                var day = OnTime(1, 6);
                return Done(day, "Gestart", new JsonObject { ["startDatum"] = Day(day) });
            }
            case "mb-afsluiten":
                return Done(OnTime(2, 12), "Afgesloten");
            case "ontzorging":
                return Done(OnTime(1, 6), "Ingericht");
            case "ontzorging-einde":
                return Done(OnTime(2, 12), "Beeindigd", new JsonObject { ["vervolg"] = random.NextDouble() < 0.8 ? "zelfstandig" : "vrijwillig budgetbeheer" });
            case "omgaan-met-geld":
                return Done(OnTime(14, 80), "Afgerond", new JsonObject { ["gevolgd"] = random.NextDouble() < 0.85 });
            case "pip" or "pip-verhuizing":
            {
                if (taskType == "pip" && variables["derdeOntvangen"] is null && random.NextDouble() < 0.05)
                {
                    return Done(Later(opened, random.Next(14, 40), due), "WachtOpDerde", new JsonObject { ["derde"] = "Diplomawaardering" });
                }
                var day = OnTime(20, 65);
                var fields = new JsonObject { ["pipDatum"] = Day(day), ["voortgangsgesprekken"] = 4, ["dualeTraject"] = random.NextDouble() < 0.6 };
                if (taskType == "pip")
                {
                    fields["leerroute"] = person.Leerroute;
                }
                return Done(day, "Vastgesteld", fields);
            }
            case "pip-informatie-derde":
            {
                var day = opened.AddDays(random.Next(7, 45));
                return Done(day, "Ontvangen", new JsonObject { ["ontvangenDatum"] = Day(day) });
            }
            case "b1-route" or "z-route" or "onderwijsroute":
            {
                var day = OnTime(7, 27);
                return Done(day, "Gestart", new JsonObject { ["startDatum"] = Day(day) });
            }
            case "pvt":
            {
                var day = OnTime(90, 330);
                return Done(day, "Afgerond", new JsonObject { ["uren"] = random.Next(12, 21), ["ondertekendDatum"] = Day(day) });
            }
            case "map":
            {
                var day = OnTime(150, 520);
                return Done(day, "Afgerond", new JsonObject { ["eindgesprekDatum"] = Day(day) });
            }
            case "voortgangsgesprek":
            {
                var day = OnTime(1, 12);
                var number = (variables["gesprekNummer"]?.GetValue<double>() ?? 0) + 1;
                var hours = (int)(number * 170);
                if (random.NextDouble() < person.NonCooperation)
                {
                    return Done(day, "NietMeegewerkt", new JsonObject { ["nt2Uren"] = hours });
                }
                return person.Leerroute == "B1" && hours >= 600 && random.NextDouble() < 0.15
                    ? Done(day, "Afschalen", new JsonObject { ["nt2Uren"] = hours })
                    : Done(day, "Voldoende", new JsonObject { ["nt2Uren"] = hours });
            }
            case "afschalen":
                return Done(OnTime(5, 20), random.NextDouble() < 0.7 ? "Afgeschaald" : "NietAfgeschaald");
            case "leerroute-wijzigen":
            {
                var day = OnTime(5, 20);
                return Done(day, "Gewijzigd", new JsonObject { ["leerroute"] = variables["nieuweLeerroute"]?.DeepClone() ?? "B1", ["besluitDatum"] = Day(day) });
            }
            case "handhaving-beoordelen":
            {
                var day = OnTime(2, 10);
                if (random.NextDouble() < 0.2)
                {
                    return Done(day, "GeenBoete");
                }
                var culpability = random.Next(4) switch { 0 => "opzet", 1 => "grove schuld", 2 => "geen opzet of grove schuld", _ => "verminderd verwijtbaar" };
                return Done(day, "Boete", new JsonObject { ["overtredingDatum"] = Day(opened), ["verwijtbaarheid"] = culpability });
            }
            case "handhaving-rapport":
            {
                var day = opened.AddDays(random.Next(2, 11));
                return Done(day, "Opgemaakt", new JsonObject { ["rapportDatum"] = Day(day) });
            }
            case "handhaving-zienswijze":
                return Done(OnTime(5, 14), random.NextDouble() < 0.4 ? "Ontvangen" : "GeenZienswijze");
            case "handhaving-besluit":
            {
                var day = OnTime(7, 60);
                if (random.NextDouble() < 0.1)
                {
                    return Done(day, "AfgezienVan");
                }
                if (random.NextDouble() < 0.2)
                {
                    var bezwaar = day.AddDays(random.Next(10, 40));
                    events.Add(new PlannedEvent(bezwaar, person.KlantreisId, "BezwaarIngediend", new JsonObject { ["datum"] = Day(bezwaar) }));
                }
                return Done(day, "Opgelegd", new JsonObject { ["besluitDatum"] = Day(day), ["bedrag"] = variables["boeteVoorstel"]?.DeepClone() ?? 50 });
            }
            case "bezwaar":
            {
                var day = OnTime(14, 40);
                return Done(day, random.NextDouble() < 0.3 ? "Gegrond" : "Ongegrond", new JsonObject { ["beslisDatum"] = Day(day) });
            }
            case "verlenging":
            {
                var day = OnTime(3, 20);
                var einde = DateOnly.Parse(variables["termijnEinde"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                if (random.NextDouble() < 0.15)
                {
                    var decided = day.AddDays(random.Next(20, 57));
                    var granted = random.NextDouble() < 0.7;
                    var nieuw = granted ? einde.AddMonths(6) : einde;
                    events.Add(new PlannedEvent(decided, person.KlantreisId, "DuoVerlengingBesluit",
                        new JsonObject { ["datum"] = Day(decided), ["toegekend"] = granted, ["nieuweEinddatum"] = granted ? Day(nieuw) : null }));
                    PlanOutcome(person, nieuw, events);
                    return Done(day, "Aangevraagd", new JsonObject { ["aanvraagDatum"] = Day(day) });
                }
                PlanOutcome(person, einde, events);
                return Done(day, "NietNodig");
            }
            case "overdracht" or "vernietigen":
                return Done(OnTime(3, 15), taskType == "overdracht" ? "Overgedragen" : "Vernietigd");
            default:
                return Done(OnTime(1, 10), "Afgerond");
        }
    }

    // DUO's outcome a few weeks after the (extended) termijn; events sent early are kept until the klantreis waits.
    private void PlanOutcome(Person person, DateOnly einde, List<PlannedEvent> events)
    {
        var day = einde.AddDays(random.Next(7, 41));
        events.Add(new PlannedEvent(day, person.KlantreisId, "DuoTermijnUitkomst", new JsonObject
        {
            ["datum"] = day.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["uitkomst"] = random.NextDouble() < 0.95 ? "voldaan" : "ontheffing",
        }));
    }

    // A day after the task opened, and at the latest its last day (partners who are on time are on time).
    private static DateOnly Later(DateOnly opened, int days, DateOnly? due)
    {
        var day = opened.AddDays(Math.Max(1, days));
        return due is { } d && day > d ? (d > opened ? d : opened.AddDays(1)) : day;
    }
}

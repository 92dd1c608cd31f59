namespace Inburgering.Simulation.Forecast;

/// <summary>One simulated inburgeraar: when the outside world does what, and how the person will behave.</summary>
public sealed record Person(
    string KlantreisId,
    string Doelgroep,
    DateOnly Arrival,
    DateOnly KennisgevingDatum,
    DateOnly KennisgevingOntvangen,
    DateOnly? BrpDatum,
    string Leerroute,
    int IntakeNoShows,
    double NonCooperation);

/// <summary>
/// Draws people from the forecast with a seeded random: arrival spread evenly over the arrival years, DUO's kennisgeving
/// mostly before the koppeling (sometimes months late, as with DUO's 2022–2023 backlog), BRP registration 3–14 weeks after
/// koppeling, the leerroute mix of the policy plan (of 41 statushouders: 19 B1, 18 Z, 4 onderwijs; gezinsmigranten B1).
/// </summary>
public static class PersonGenerator
{
    public static IReadOnlyList<Person> Generate(SimulationSettings settings, Random random)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        var days = settings.Start.AddYears(settings.ArrivalYears).DayNumber - settings.Start.DayNumber;
        var people = new List<Person>();
        var total = settings.People;
        for (var i = 0; i < total; i++)
        {
            var asiel = i % (settings.StatushoudersPerYear + settings.GezinsmigrantenPerYear) < settings.StatushoudersPerYear;
            var arrival = settings.Start.AddDays((int)((long)i * days / total));
            var lateKennisgeving = random.NextDouble() < 0.08;
            var kennisgeving = lateKennisgeving ? arrival.AddDays(random.Next(60, 120)) : arrival.AddDays(-random.Next(0, 30));
            var noShows = random.NextDouble() switch { < 0.85 => 0, < 0.95 => 1, < 0.98 => 2, < 0.99 => 3, _ => 4 };
            people.Add(new Person(
                KlantreisId: $"sim-{i + 1:D6}",
                Doelgroep: asiel ? "asiel" : "gezin",
                Arrival: arrival,
                KennisgevingDatum: kennisgeving,
                KennisgevingOntvangen: kennisgeving.AddDays(random.Next(1, 6)),
                BrpDatum: asiel ? arrival.AddDays(random.Next(21, 99)) : null,
                Leerroute: asiel ? random.Next(41) switch { < 19 => "B1", < 37 => "Z", _ => "onderwijs" } : "B1",
                IntakeNoShows: noShows,
                NonCooperation: random.NextDouble() < 0.1 ? 0.5 : 0.02));
        }
        return people;
    }
}

namespace Inburgering.Workflows.Oversight;

/// <summary>
/// The §8 indicators of one stretch of days, in a form that adds up: counts, and the days-to-PIP values themselves (a
/// median does not add up, its values do). <see cref="KlantreisKpis"/> keeps the tallies of stretches that can no longer
/// change and adds them to what it reads fresh. Not changed after it is complete.
/// </summary>
internal sealed class KpiTally
{
    public int Pips { get; set; }

    public int OnTime { get; set; }

    public List<int> DaysToPip { get; } = [];

    public Dictionary<string, int> Leerroutes { get; } = new(StringComparer.Ordinal);

    public int Dual { get; set; }

    public int IntakeFines { get; set; }

    public int FineDecisions { get; set; }

    public decimal DecidedAmount { get; set; }

    public int Verlengingen { get; set; }

    public void Add(KpiTally other)
    {
        Pips += other.Pips;
        OnTime += other.OnTime;
        DaysToPip.AddRange(other.DaysToPip);
        foreach (var (route, count) in other.Leerroutes)
        {
            Leerroutes[route] = Leerroutes.GetValueOrDefault(route) + count;
        }
        Dual += other.Dual;
        IntakeFines += other.IntakeFines;
        FineDecisions += other.FineDecisions;
        DecidedAmount += other.DecidedAmount;
        Verlengingen += other.Verlengingen;
    }

    public KpiReport ToReport(DateOnly from, DateOnly to) =>
        new(from, to, Pips, OnTime, Median(DaysToPip),
            Leerroutes.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => new CountBy(p.Key, p.Value)).ToList(),
            Dual, IntakeFines + FineDecisions, IntakeFines * KlantreisKpis.IntakeFine + DecidedAmount, Verlengingen);

    private static double? Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}

namespace Inburgering.Workflows.Calendar;

/// <summary>Why a day is not a working day, in the terms of the Algemene termijnenwet (Atw) or local configuration.</summary>
public enum HolidayKind
{
    /// <summary>Algemeen erkende feestdag (Atw art. 3 lid 1), or a Sunday feast that the Atw covers as a Sunday.</summary>
    Feestdag,

    /// <summary>Equated with a feestdag by the Atw itself: Goede Vrijdag (art. 3 lid 2).</summary>
    EquatedByLaw,

    /// <summary>Equated with a feestdag by royal decree (art. 3 lid 3), from the default rule or a per-year override.</summary>
    EquatedByRoyalDecree,

    /// <summary>
    /// A day the gemeente is closed (configuration). Not an Atw day: it only affects werkdagen of policy terms.
    /// </summary>
    GemeenteClosingDay,
}

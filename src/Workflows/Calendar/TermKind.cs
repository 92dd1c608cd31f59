namespace Inburgering.Workflows.Calendar;

/// <summary>Whether the Algemene termijnenwet extends a term.</summary>
public enum TermKind
{
    /// <summary>A term set by a law or AMvB (Wi2021, Besluit inburgering, Awb): the Atw applies.</summary>
    Statutory,

    /// <summary>A policy target of the gemeente: plain calendar or werkdagen, never shifted by the Atw.</summary>
    Policy,
}

namespace Inburgering.Workflows.Audit;

/// <summary>
/// Who did or read what, when (law.md §9: the gemeente must be able to show who saw a person's details). Written for
/// every read of a klantreis's personal data and every change, by people and systems; never holds the data itself.
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The user or client name.</summary>
    public string Actor { get; set; } = "";

    /// <summary>The actor's role(s), comma-separated, at the time.</summary>
    public string? Role { get; set; }

    /// <summary>The partner organisation the actor acted for, if any.</summary>
    public string? Organisation { get; set; }

    /// <summary>A stable verb such as <c>klantreis.bekeken</c>, <c>taak.afgerond</c>, <c>definitie.gepubliceerd</c>, <c>api.POST</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What it was about: an instance id, task id, definition id or API path.</summary>
    public string Subject { get; set; } = "";

    /// <summary>Short context (an outcome, a version, an HTTP status); never personal data.</summary>
    public string? Details { get; set; }
}

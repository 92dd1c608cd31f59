namespace Inburgering.Workflows.Tasks;

/// <summary>Who acts on a task: a partner user or system (bound to one organisation) or the gemeente (all organisations).</summary>
/// <param name="Name">User or client name, for the audit.</param>
/// <param name="Organisation">The partner organisation acted for; null for the gemeente.</param>
/// <param name="AllOrganisations">The gemeente's regie and admins see and may act on every organisation's tasks.</param>
public sealed record TaskActor(string Name, string? Organisation, bool AllOrganisations = false)
{
    public bool MayAccess(PartnerTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return AllOrganisations || (Organisation is not null && string.Equals(task.Organisation, Organisation, StringComparison.Ordinal));
    }

    public static TaskActor Partner(string name, string organisation) => new(name, organisation);

    public static TaskActor Gemeente(string name) => new(name, null, AllOrganisations: true);
}

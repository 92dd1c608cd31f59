namespace Inburgering.Host.Security;

/// <summary>The roles of architecture decision 9, plus <c>systeem</c> for integrations (BRP, DUO connectors).</summary>
internal static class Roles
{
    public const string Coordinator = "coordinator";
    public const string Regie = "regie";
    public const string Partner = "partner";
    public const string Admin = "admin";
    public const string System = "systeem";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Coordinator, Regie, Partner, Admin, System };

    /// <summary>The claim that binds a partner user or client to its organisation.</summary>
    public const string OrganisationClaim = "organisation";

    /// <summary>The name shown in the UI (the user name is the stable identity in audits).</summary>
    public const string DisplayNameClaim = "display_name";

    /// <summary>Dutch name of a role for the UI.</summary>
    public static string Dutch(string role) => role switch
    {
        Coordinator => "coördinator",
        Regie => "regie",
        Partner => "partner",
        Admin => "beheerder",
        System => "systeem",
        _ => role,
    };
}

/// <summary>Authorisation policies by what is done, so endpoints say what they need, not which roles exist.</summary>
internal static class Policies
{
    /// <summary>Read definitions and the activity palette.</summary>
    public const string ReadDefinitions = nameof(ReadDefinitions);

    /// <summary>Save drafts and publish.</summary>
    public const string DesignDefinitions = nameof(DesignDefinitions);

    /// <summary>Read instances, journals and incidents.</summary>
    public const string ReadInstances = nameof(ReadInstances);

    /// <summary>Start and cancel instances, deliver events.</summary>
    public const string OperateInstances = nameof(OperateInstances);

    /// <summary>Erase a finished klantreis's records (retention, Besluit 9.9): irreversible, so the gemeente only.</summary>
    public const string EraseRecords = nameof(EraseRecords);

    /// <summary>Retry incidents.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>Partner tasks: partners see their own organisation's, the gemeente all (checked per task).</summary>
    public const string Tasks = nameof(Tasks);
}

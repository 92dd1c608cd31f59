using Microsoft.Extensions.Options;

namespace Inburgering.Workflows.Partners;

/// <summary>The known partner organisations: definitions are validated against it and tasks are authorised by it.</summary>
public sealed class PartnerDirectory
{
    private readonly Dictionary<string, PartnerOrganisation> _byId;

    public PartnerDirectory(IOptions<PartnerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.Organisations;
        All = configured.Count > 0 ? [.. configured] : PartnerOptions.NoordwijkDefaults;
        _byId = All.ToDictionary(o => o.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<PartnerOrganisation> All { get; }

    public bool Exists(string id) => _byId.ContainsKey(id);

    public PartnerOrganisation? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The organisation's name for people, or the id itself when it is not (or no longer) configured.</summary>
    public string DisplayNameOf(string id) => Find(id)?.DisplayName ?? id;

    /// <summary>Problems with the configured list (empty when fine), checked at start-up.</summary>
    public static IReadOnlyList<string> Check(PartnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (var (org, i) in options.Organisations.Select((o, i) => (o, i)))
        {
            if (string.IsNullOrWhiteSpace(org.Id) || !Definitions.Keys.IsValid(org.Id))
            {
                problems.Add($"Partners:Organisations:{i}:Id '{org.Id}' must be a key of lower-case letters, digits and dashes.");
            }
            if (string.IsNullOrWhiteSpace(org.DisplayName))
            {
                problems.Add($"Partners:Organisations:{i}:DisplayName is required.");
            }
        }
        problems.AddRange(options.Organisations.GroupBy(o => o.Id, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"Partners:Organisations has the id '{g.Key}' more than once."));
        return problems;
    }
}

using System.Collections.Frozen;

namespace Inburgering.Workflows.Activities;

/// <summary>
/// Every activity type the engine knows, by stable type name. Built once from the <see cref="IActivity"/> singletons
/// registered in DI; the designer's palette and the validator read the same descriptors.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly FrozenDictionary<string, IActivity> _byType;

    public ActivityRegistry(IEnumerable<IActivity> activities)
    {
        var list = activities.ToList();
        var duplicates = list.GroupBy(a => a.Descriptor.TypeName, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidOperationException($"Activity type names must be unique; registered twice: {string.Join(", ", duplicates)}.");
        }
        _byType = list.ToFrozenDictionary(a => a.Descriptor.TypeName, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<IActivity> All => _byType.Values;

    public IEnumerable<ActivityDescriptor> Descriptors => _byType.Values.Select(a => a.Descriptor).OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.DisplayName, StringComparer.Ordinal);

    public IActivity? Find(string typeName) => _byType.GetValueOrDefault(typeName);

    public IEnumerable<string> TypeNames => _byType.Keys.Order(StringComparer.Ordinal);
}

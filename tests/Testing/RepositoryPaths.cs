namespace Inburgering.Testing;

/// <summary>Folders of the repository, found from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Workflows => Path.Combine(Root, "workflows");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Inburgering.Workflows.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (with Inburgering.Workflows.sln) was not found above " + AppContext.BaseDirectory);
    }
}

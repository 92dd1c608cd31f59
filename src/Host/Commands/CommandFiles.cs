namespace Inburgering.Host.Commands;

/// <summary>
/// Finds a file named relative to the repository for the commands: <c>dotnet run --project src/Host</c> runs in the
/// project folder and a published app runs beside its copied <c>workflows/</c>, so the folders above the current one
/// and above the app are searched too.
/// </summary>
internal static class CommandFiles
{
    /// <summary>The path of the file, or null when it is nowhere to be found.</summary>
    public static string? Find(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path))
        {
            return File.Exists(path) ? path : null;
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, path);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}

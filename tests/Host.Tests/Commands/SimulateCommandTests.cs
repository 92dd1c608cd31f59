using Inburgering.Host.Commands;
using Inburgering.Testing;

namespace Inburgering.Host.Tests.Commands;

/// <summary>The <c>simulate</c> command: its options, and the same forecast from the memory store and the database.</summary>
public sealed class SimulateCommandTests
{
    [Fact]
    public async Task The_memory_store_and_the_database_write_the_same_csv_files()
    {
        using var folder = new TempDirectory();
        string[] forecast = ["--statushouders", "4", "--gezinsmigranten", "2", "--horizon-maanden", "30", "--seed", "3"];
        var output = new StringWriter();

        var inMemory = await SimulateCommand.RunAsync([.. forecast, "--opslag", "geheugen", "--uit", folder.File("geheugen")], output);
        var inDatabase = await SimulateCommand.RunAsync([.. forecast, "--opslag", "database", "--uit", folder.File("database")], output);

        Assert.Equal((0, 0), (inMemory, inDatabase));
        var tasks = await File.ReadAllTextAsync(Path.Combine(folder.File("geheugen"), "taken.csv"));
        Assert.StartsWith("maand,organisatie,", tasks, StringComparison.Ordinal);
        Assert.True(tasks.Split('\n').Length > 5, tasks);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(folder.File("database"), "taken.csv")), tasks);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(folder.File("database"), "boetes.csv")), await File.ReadAllTextAsync(Path.Combine(folder.File("geheugen"), "boetes.csv")));
    }

    [Fact]
    public async Task An_unknown_store_is_refused_with_the_choices()
    {
        var output = new StringWriter();

        var exit = await SimulateCommand.RunAsync(["--opslag", "schijf"], output);

        Assert.Equal(2, exit);
        Assert.Contains("'--opslag' is 'geheugen' or 'database', not 'schijf'.", output.ToString(), StringComparison.Ordinal);
    }
}

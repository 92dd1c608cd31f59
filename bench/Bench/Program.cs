using System.Runtime.InteropServices;
using Inburgering.Bench;
using Npgsql;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

EngineHost.Settings = options.Settings;
EngineHost.EngineConnectionSettings = options.EngineConnectionSettings;
var output = Console.Out;
output.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:F1} GiB, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.FrameworkDescription}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
if (options.NeedsPostgres)
{
    string server;
    await using (var admin = new NpgsqlConnection(options.ConnectionString))
    {
        await admin.OpenAsync();
        async Task<string> Show(string setting)
        {
            await using var cmd = new NpgsqlCommand($"SHOW {setting}", admin);
            return (string)(await cmd.ExecuteScalarAsync())!;
        }
        await using (var pid = new NpgsqlCommand("SELECT pg_backend_pid()", admin))
        {
            // The backend's parent is the postmaster: the server whose CPU the bench reports.
            var backend = (int)(await pid.ExecuteScalarAsync())!;
            var stat = File.Exists($"/proc/{backend}/stat") ? await File.ReadAllTextAsync($"/proc/{backend}/stat") : null;
            CpuMeter.Postmaster = stat is null ? 0 : ProcStat.Parse(backend, stat).ParentPid;
        }
        server = $"PostgreSQL {await Show("server_version")} (fsync={await Show("fsync")}, synchronous_commit={await Show("synchronous_commit")}, " +
                 $"shared_buffers={await Show("shared_buffers")}, max_connections={await Show("max_connections")})";
    }
    output.WriteLine($"database: {server}; client and server share the cores");
}
if (options.Settings.Count > 0)
{
    output.WriteLine($"settings: {string.Join(", ", options.Settings.Select(s => $"{s.Key}={s.Value}"))} (the rest at the engine's defaults)");
}
if (options.EngineConnectionSettings.Length > 0)
{
    output.WriteLine($"engine connection string adds: {options.EngineConnectionSettings}");
}
if (options.NeedsPostgres)
{
    output.WriteLine("prepared statements: the engine's default (Database:PreparedStatements, Max Auto Prepare=32 unless the connection string sets it), for the raw-SQL baselines too");
}
#if DEBUG
output.WriteLine("WARNING: Debug build; figures are not representative (bench/run.sh builds Release).");
#endif

using var sql = new SqlCounter();
var ok = true;
var notJudged = "";
if (options.Which is "p1" or "all")
{
    ok &= await P1StartThroughput.RunAsync(options, sql, output);
}
if (options.Which is "p2" or "p2b" or "all")
{
    ok &= await P2TimerStorm.RunAsync(options, sql, output);
}
if (options.Which is "p3" or "all")
{
    ok &= await P3ResumeLatency.RunAsync(options, sql, output);
}
if (options.Which is "p4" or "all")
{
    ok &= await P4OverdueDashboard.RunAsync(options, output);
}
if (options.Which is "p5" or "all")
{
    // Null: a run smaller than the goal's 10,000 klantreizen, which says how far the goal is but does not judge it.
    var p5 = await P5Simulation.RunAsync(options, output);
    ok &= p5 ?? true;
    notJudged = p5 is null ? "; P5 not judged (fewer klantreizen than the goal's)" : "";
}
if (options.Which is "p8" or "all")
{
    ok &= await P8OutboxThroughput.RunAsync(options, sql, output);
}
if (options.Which is "p7" or "all")
{
    if (File.Exists(P7Browser.Executable))
    {
        ok &= await P7DesignerLoad.RunAsync(options, output);
    }
    else if (options.Which == "p7")
    {
        await Console.Error.WriteLineAsync($"P7 needs Chromium at {P7Browser.Executable} (apt-get install chromium, or set CHROMIUM_PATH).");
        return 2;
    }
    else
    {
        output.WriteLine($"P7 skipped: no Chromium at {P7Browser.Executable} (apt-get install chromium, or set CHROMIUM_PATH)");
        ok = false;
    }
}
output.WriteLine($"bench: {(ok ? "all goals judged were met" : "goal(s) missed or check failed; see above")}{notJudged}");
// Missing a goal is a finding, not a crash: exit 0 unless a correctness check threw.
return 0;

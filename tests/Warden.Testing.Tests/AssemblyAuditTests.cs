using System.Diagnostics;
using System.Xml.Linq;

namespace Warden.Testing.Tests;

/// <summary>
/// <c>[assembly: AuditLeaks]</c> in use. An attribute on the assembly audits every test in it, so it cannot be tried
/// here without auditing this whole suite: Warden.Testing.AuditedAssembly is a separate test assembly with the
/// attribute on the assembly and nothing on its class, run as a child process so its deliberate leak fails one of its
/// own tests and nothing of ours.
/// </summary>
public sealed class AssemblyAuditTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_the_assembly_it_audits_every_test_and_fails_the_one_that_leaks()
    {
        var results = Path.Combine(Path.GetTempPath(), $"warden-audited-assembly-{Guid.NewGuid():N}.xml");
        var (exitCode, output) = await RunAuditedAssemblyAsync("-noLogo", "-noColor", "-noAutoReporters", "-xml", results);

        Assert.True(exitCode == 1 && File.Exists(results), $"Expected exit code 1 (a test failed) and results, got {exitCode}. Output:\n{output}");
        var tests = XDocument.Load(results).Descendants("test").ToDictionary(t => (string?)t.Attribute("method") ?? "?");
        File.Delete(results);
        Assert.Equal("Pass", (string?)tests["Drains_its_background_task"].Attribute("result"));
        var leaked = tests["Leaves_a_background_task_running"];
        Assert.Equal("Fail", (string?)leaked.Attribute("result"));
        var message = leaked.Element("failure")?.Element("message")?.Value ?? string.Empty;
        // The attribute's own settings on the assembly apply too: 200 ms, not the default second.
        Assert.Contains("Leak audit: 1 piece of work was still running 200 ms after the audited code ended.", message, StringComparison.Ordinal);
        Assert.Contains("BackgroundTask 'left-running' started at Leaves_a_background_task_running (AuditedTests.cs:", message, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAuditedAssemblyAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Warden.Testing.AuditedAssembly.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(Ct);
            var stderr = process.StandardError.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct).WithinAsync(Bound, Ct);
            return (process.ExitCode, await stdout.WithinAsync(Bound, Ct) + await stderr.WithinAsync(Bound, Ct));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}

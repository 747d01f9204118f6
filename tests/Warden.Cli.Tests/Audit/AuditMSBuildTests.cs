using System.Diagnostics;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Tests.Audit;

/// <summary>--msbuild loads the real project and agrees with the no-build mode on a restored project.</summary>
public sealed class AuditMSBuildTests
{
    [Fact]
    public async Task Msbuild_mode_finds_what_the_no_build_mode_finds()
    {
        var ct = TestContext.Current.CancellationToken;
        using var fixture = FixtureCopy.Of("Solution");
        var project = fixture.PathOf("src/App/App.csproj");
        await RestoreAsync(project, ct);

        var (noBuildExit, noBuild, _) = await AuditJson.RunAsync(project);
        var (msbuildExit, msbuild, error) = await AuditJson.RunAsync(project, "--msbuild");

        Assert.Equal(ExitCodes.Findings, noBuildExit);
        Assert.Equal(ExitCodes.Findings, msbuildExit);
        Assert.Equal("msbuild", msbuild.GetProperty("mode").GetString());
        Assert.Equal(AuditJson.Findings(noBuild), AuditJson.Findings(msbuild));
        Assert.Empty(AuditJson.Skipped(msbuild));
        Assert.DoesNotContain("skipped", error, StringComparison.Ordinal);
    }

    private static async Task RestoreAsync(string project, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet", ["restore", project, "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var restore = Process.Start(info)!;
        var output = restore.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = restore.StandardError.ReadToEndAsync(cancellationToken);
        await restore.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
        Assert.True(restore.ExitCode == 0, $"dotnet restore failed: {await output}{await error}");
    }
}

using Warden.Cli.Infrastructure;

namespace Warden.Cli.Tests.Audit;

/// <summary>Bad input: clear messages, the run continues where it can, exit 2 only when nothing was audited.</summary>
public sealed class AuditBadInputTests
{
    [Fact]
    public async Task Missing_path_is_bad_input_with_what_to_do()
    {
        var (exitCode, output, error) = await CliRun.InvokeAsync(["audit", "/no/such/folder"]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Empty(output);
        Assert.Contains("'/no/such/folder' does not exist; pass an existing folder, .csproj, .sln/.slnx or .cs file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_file_type_is_bad_input()
    {
        using var folder = FixtureCopy.Empty();
        var file = folder.Write("notes.txt", "hello");

        var (exitCode, _, error) = await CliRun.InvokeAsync(["audit", file]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("is a .txt file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_with_nothing_auditable_exits_2_and_lists_what_was_skipped()
    {
        using var folder = FixtureCopy.Empty();
        await File.WriteAllBytesAsync(folder.PathOf("blob.cs"), [0x4d, 0x5a, 0x00, 0x00, 0x01], TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await CliRun.InvokeAsync(["audit", folder.Root]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Empty(output);
        Assert.Contains("nothing could be audited", error, StringComparison.Ordinal);
        Assert.Contains("skipped blob.cs: binary content", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_folder_exits_2()
    {
        using var folder = FixtureCopy.Empty();

        var (exitCode, _, error) = await CliRun.InvokeAsync(["audit", folder.Root]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("no readable C# files", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_and_oversized_files_are_skipped_and_the_rest_is_audited()
    {
        using var fixture = FixtureCopy.Of("Basic");
        await File.WriteAllBytesAsync(fixture.PathOf("Orders/Image.cs"), [0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a], TestContext.Current.CancellationToken);
        fixture.Write("Orders/Huge.cs", "// " + new string('x', 3 * 1024) + "\nnamespace Basic; public static class Huge { }\n");

        var (exitCode, document, _) = await AuditJson.RunAsync(fixture.Root, "--max-file-size", "2");

        Assert.Equal(ExitCodes.Findings, exitCode);
        var skipped = AuditJson.Skipped(document);
        Assert.Contains(skipped, s => s.StartsWith("Orders/Image.cs: binary content", StringComparison.Ordinal));
        Assert.Contains(skipped, s => s.StartsWith("Orders/Huge.cs: larger than the 2 KiB limit", StringComparison.Ordinal));
        Assert.Contains("WD202 Orders/OrderService.cs:10", AuditJson.Findings(document));
    }

    [Fact]
    public async Task Skipped_inputs_are_listed_in_the_text_report()
    {
        using var fixture = FixtureCopy.Of("Basic");
        await File.WriteAllBytesAsync(fixture.PathOf("Orders/Image.cs"), [0x00, 0x01], TestContext.Current.CancellationToken);

        var (_, output, _) = await CliRun.InvokeAsync(["audit", fixture.Root]);

        Assert.Contains("Skipped (1)", output, StringComparison.Ordinal);
        Assert.Contains("  Orders/Image.cs: binary content", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_project_file_is_reported_and_its_files_audited_with_defaults()
    {
        using var fixture = FixtureCopy.Of("BrokenProject");

        var (exitCode, document, _) = await AuditJson.RunAsync(fixture.Root);

        Assert.Equal(ExitCodes.Findings, exitCode);
        Assert.Contains(AuditJson.Skipped(document), s => s.StartsWith("BrokenProject.csproj: project file could not be read", StringComparison.Ordinal));
        Assert.Contains("WD202 Job.cs:10", AuditJson.Findings(document));
    }

    [Fact]
    public async Task Unrestored_hosting_packages_are_bound_against_the_shared_framework_so_shutdown_rules_still_run()
    {
        using var fixture = FixtureCopy.Of("UnrestoredWorker");

        var (exitCode, document, _) = await AuditJson.RunAsync(fixture.Root);

        Assert.Equal(ExitCodes.Findings, exitCode);
        var findings = AuditJson.Findings(document);
        Assert.Contains("WD801 Poller.cs:8", findings);
        Assert.Contains("WD802 Poller.cs:10", findings);
        Assert.Contains(AuditJson.Skipped(document), s => s.Contains("bound against the ASP.NET Core shared framework instead", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unresolved_package_types_produce_no_findings_and_a_restore_hint()
    {
        using var fixture = FixtureCopy.Of("Unresolved");

        var (exitCode, document, _) = await AuditJson.RunAsync(fixture.Root);

        Assert.Equal(ExitCodes.Findings, exitCode);
        Assert.Equal(["WD202 Worker.cs:20"], AuditJson.Findings(document)); // only the resolvable Thread.Sleep
        Assert.Contains(AuditJson.Skipped(document), s => s.Contains("package references not restored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Files_with_syntax_errors_are_audited_as_far_as_they_parse()
    {
        using var fixture = FixtureCopy.Of("SyntaxErrors");

        var (exitCode, output, error) = await CliRun.InvokeAsync(["audit", fixture.Root]);

        Assert.Equal(ExitCodes.Findings, exitCode);
        Assert.Contains("Broken.cs:7:", output, StringComparison.Ordinal);
        Assert.Contains("Fine.cs:7:", output, StringComparison.Ordinal);
        Assert.Contains("files with syntax errors (audited as far as they parse): 1", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Write_baseline_without_a_baseline_file_is_bad_input()
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync(["audit", "--write-baseline"]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("--write-baseline needs --baseline FILE", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_format_is_bad_input()
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync(["audit", "--format", "xml"]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("xml", error, StringComparison.Ordinal);
    }
}

using System.CommandLine;
using System.Globalization;
using Warden.Cli.Audit;
using Warden.Cli.Audit.Loading;
using Warden.Cli.Audit.Reporting;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Commands.Audit;

/// <summary>
/// <c>warden audit [PATH]</c>: runs every Warden analyzer over a folder, project, solution or file without
/// a build (or through MSBuild with <c>--msbuild</c>) and reports the findings grouped by playbook chapter.
/// </summary>
internal sealed class AuditCommand(TimeProvider? timeProvider = null) : CliCommand<AuditSettings>
{
    private readonly TimeProvider _timeProvider = timeProvider ?? TimeProvider.System;

    private readonly Argument<string?> _path = new("PATH")
    {
        Description = $"A folder, .csproj, .sln/.slnx or .cs file. Default: {AuditTargetResolver.DefaultTarget} (looked up from the current folder).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "Output format: text (grouped by playbook chapter), json, sarif (2.1.0) or html.",
        DefaultValueFactory = _ => "text",
    };

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Write the report to FILE (atomically) instead of stdout.",
        HelpName = "FILE",
    };

    private readonly Option<string?> _baseline = new("--baseline")
    {
        Description = "Accept the findings recorded in FILE: only new findings are shown and fail the run.",
        HelpName = "FILE",
    };

    private readonly Option<bool> _writeBaseline = new("--write-baseline")
    {
        Description = "Record this run's findings in the --baseline FILE (creating or replacing it).",
    };

    private readonly Option<string> _failOn = new("--fail-on")
    {
        Description = "Exit with 1 when a finding at or above this severity is shown: error, warning, info or none.",
        DefaultValueFactory = _ => "warning",
    };

    private readonly Option<bool> _msbuild = new("--msbuild")
    {
        Description = "Load the projects through MSBuild (needs a restored repository; slower, full fidelity).",
    };

    private readonly Option<int> _maxFileSize = new("--max-file-size")
    {
        Description = "Skip C# files larger than this many KiB.",
        DefaultValueFactory = _ => (int)(AuditLimits.Default.MaxFileBytes / 1024),
        HelpName = "KiB",
    };

    /// <inheritdoc />
    public override IReadOnlyList<string> Examples { get; } =
    [
        "warden audit                                   # the Storefront sample's planted incidents",
        "warden audit src/MyService                     # a folder, no build needed",
        "warden audit MyApp.slnx --format sarif -o audit.sarif",
        "warden audit --baseline audit-baseline.json --write-baseline   # accept today's findings",
        "warden audit --baseline audit-baseline.json   # in CI: fail only on new findings",
        "warden audit MyApp.csproj --msbuild --format html -o audit.html",
    ];

    /// <inheritdoc />
    protected override Command Define()
    {
        _format.AcceptOnlyFromAmong("text", "json", "sarif", "html");
        _failOn.AcceptOnlyFromAmong("error", "warning", "info", "none");
        return new Command("audit", "Find the playbook's async failures in C# code: blocking calls, lost tasks, unbounded fan-out, swallowed cancellation. No build needed.")
        {
            _path, _format, _output, _baseline, _writeBaseline, _failOn, _msbuild, _maxFileSize,
        };
    }

    /// <inheritdoc />
    protected override AuditSettings Bind(ParseResult parseResult)
    {
        var baseline = parseResult.GetValue(_baseline);
        var writeBaseline = parseResult.GetValue(_writeBaseline);
        if (writeBaseline && baseline is null)
        {
            throw new CliUsageException("--write-baseline needs --baseline FILE to say where to write it.");
        }

        var maxKiB = parseResult.GetValue(_maxFileSize);
        if (maxKiB <= 0)
        {
            throw new CliUsageException($"--max-file-size must be a positive number of KiB, got {maxKiB}.");
        }

        return new AuditSettings(
            parseResult.GetValue(_path),
            Enum.Parse<AuditFormat>(parseResult.GetRequiredValue(_format), ignoreCase: true),
            parseResult.GetValue(_output),
            baseline,
            writeBaseline,
            Enum.Parse<FailOn>(parseResult.GetRequiredValue(_failOn), ignoreCase: true),
            parseResult.GetValue(_msbuild) ? AuditMode.MSBuild : AuditMode.NoBuild,
            maxKiB * 1024L);
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context, AuditSettings settings, CancellationToken cancellationToken)
    {
        var target = AuditTargetResolver.Resolve(settings.Path, Environment.CurrentDirectory);
        var baseline = settings.BaselineFile is not null && !settings.WriteBaseline
            ? await ReadBaselineAsync(settings.BaselineFile, cancellationToken).ConfigureAwait(false)
            : null;
        if (settings.Output is not null && Path.GetDirectoryName(Path.GetFullPath(settings.Output)) is { } folder && !Directory.Exists(folder))
        {
            throw new CliUsageException($"--output '{settings.Output}': folder '{folder}' does not exist; create it or pick another path.");
        }

        var engine = new AuditEngine(AnalyzerCatalog.Load(), new ReferenceAssemblies(), _timeProvider);
        var request = new AuditRequest(target, settings.Mode, new AuditLimits(settings.MaxFileBytes));
        AuditReport report;
        var progress = ShowProgress(context) ? new AuditProgressDisplay(context.Error, _timeProvider) : null;
        try
        {
            report = await engine.RunAsync(request, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (progress is not null)
            {
                await progress.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (report.Files == 0)
        {
            await context.Error.WriteLineAsync($"warden: nothing could be audited in '{target.Display}': no readable C# files. Pass a folder, .csproj, .sln/.slnx or .cs file with C# sources.").ConfigureAwait(false);
            await WriteSkippedAsync(context.Error, report).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        if (settings.WriteBaseline)
        {
            baseline = Baseline.From(report.Findings);
            await AtomicFile.WriteAsync(settings.BaselineFile!, baseline.ToJson(), cancellationToken).ConfigureAwait(false);
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"warden: wrote baseline '{settings.BaselineFile}' accepting {baseline.Count} finding(s).")).ConfigureAwait(false);
        }

        var (shown, known) = baseline is null ? (report.Findings, 0) : baseline.Filter(report.Findings);
        var outcome = new AuditOutcome(report, shown, known, WardenCli.Version);
        var document = AuditReporters.For(settings.Format).Render(outcome);
        if (settings.Output is null)
        {
            var writer = context.Out.Profile.Out.Writer;
            await writer.WriteAsync(document).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await AtomicFile.WriteAsync(settings.Output, document, cancellationToken).ConfigureAwait(false);
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"warden: wrote {settings.Format.ToString().ToLowerInvariant()} report to '{settings.Output}': {shown.Count} finding(s) in {report.Files} files.")).ConfigureAwait(false);
        }

        if (report.Skipped.Count > 0 && (settings.Format != AuditFormat.Text || settings.Output is not null))
        {
            await WriteSkippedAsync(context.Error, report).ConfigureAwait(false);
        }

        return Fails(shown, settings.FailOn) ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static bool Fails(IEnumerable<Finding> findings, FailOn failOn) => failOn switch
    {
        FailOn.None => false,
        FailOn.Info => findings.Any(),
        FailOn.Warning => findings.Any(f => f.Severity >= FindingSeverity.Warning),
        _ => findings.Any(f => f.Severity >= FindingSeverity.Error),
    };

    private static bool ShowProgress(CliContext context) =>
        ReferenceEquals(context.Error, Console.Error) ? !Console.IsErrorRedirected : context.IsInteractive;

    private static async Task WriteSkippedAsync(TextWriter error, AuditReport report)
    {
        foreach (var skipped in report.Skipped)
        {
            await error.WriteLineAsync($"warden: skipped {skipped.Path}: {skipped.Reason}").ConfigureAwait(false);
        }
    }

    private static async Task<Baseline> ReadBaselineAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"baseline '{path}' does not exist; create it with --baseline {path} --write-baseline.");
        }

        try
        {
            return Baseline.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (FormatException ex)
        {
            throw new CliUsageException($"baseline '{path}' is {ex.Message}; rewrite it with --write-baseline.", ex);
        }
    }
}

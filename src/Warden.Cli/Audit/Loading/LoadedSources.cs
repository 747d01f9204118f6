namespace Warden.Cli.Audit.Loading;

/// <summary>What a loader produced: projects to analyze, and what it had to skip.</summary>
/// <param name="Projects">Projects with at least one audited tree.</param>
/// <param name="Skipped">Inputs that could not be used, with the reason.</param>
/// <param name="Files">Audited source files.</param>
/// <param name="Lines">Lines in those files.</param>
/// <param name="FilesWithSyntaxErrors">Audited files that did not parse cleanly.</param>
internal sealed record LoadedSources(
    IReadOnlyList<LoadedProject> Projects,
    IReadOnlyList<SkippedInput> Skipped,
    int Files,
    int Lines,
    int FilesWithSyntaxErrors);

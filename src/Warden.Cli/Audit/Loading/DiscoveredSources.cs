namespace Warden.Cli.Audit.Loading;

/// <summary>What a walk over a folder found.</summary>
/// <param name="SourceFiles">C# files, absolute paths.</param>
/// <param name="ProjectFiles">.csproj files, absolute paths.</param>
/// <param name="EditorConfigFiles">.editorconfig files inside the folder, absolute paths.</param>
internal sealed record DiscoveredSources(
    IReadOnlyList<string> SourceFiles,
    IReadOnlyList<string> ProjectFiles,
    IReadOnlyList<string> EditorConfigFiles);

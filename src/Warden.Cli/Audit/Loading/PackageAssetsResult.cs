namespace Warden.Cli.Audit.Loading;

/// <summary>What <see cref="PackageAssets"/> found for a project.</summary>
/// <param name="Assemblies">Compile assemblies that exist on disk.</param>
/// <param name="Restored">Whether an assets file was found at all.</param>
/// <param name="Missing">Package assemblies named in the file but absent on disk.</param>
internal sealed record PackageAssetsResult(IReadOnlyList<string> Assemblies, bool Restored, int Missing);

using Microsoft.VisualStudio.SolutionPersistence.Model;
using Microsoft.VisualStudio.SolutionPersistence.Serializer;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Audit.Loading;

/// <summary>Lists the C# projects of a .sln or .slnx with Microsoft's own solution parser.</summary>
internal static class SolutionReader
{
    /// <summary>The absolute paths of the .csproj files the solution lists.</summary>
    /// <exception cref="CliUsageException">The solution file cannot be parsed.</exception>
    public static async Task<IReadOnlyList<string>> ReadProjectsAsync(string solutionFile, CancellationToken cancellationToken)
    {
        var serializer = SolutionSerializers.GetSerializerByMoniker(solutionFile)
            ?? throw new CliUsageException($"'{solutionFile}' is not a .sln or .slnx file.");
        try
        {
            var model = await serializer.OpenAsync(solutionFile, cancellationToken).ConfigureAwait(false);
            var folder = Path.GetDirectoryName(solutionFile)!;
            return [.. model.SolutionProjects
                .Select(p => Path.GetFullPath(Path.Combine(folder, p.FilePath.Replace('\\', Path.DirectorySeparatorChar))))
                .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))];
        }
        catch (SolutionException ex)
        {
            throw new CliUsageException($"'{solutionFile}' could not be read ({ex.Message}); fix the solution file or audit its folder instead.", ex);
        }
    }
}

using Warden.Cli.Infrastructure;

namespace Warden.Cli.Audit;

/// <summary>Turns the PATH argument into an <see cref="AuditTarget"/>, or explains why it cannot.</summary>
internal static class AuditTargetResolver
{
    /// <summary>The folder audited when no PATH is given, looked up from the current folder upwards.</summary>
    public const string DefaultTarget = "samples/Storefront";

    /// <summary>Resolves <paramref name="path"/> (null for the default) against <paramref name="currentDirectory"/>.</summary>
    /// <exception cref="CliUsageException">The path does not exist or is not something audit understands.</exception>
    public static AuditTarget Resolve(string? path, string currentDirectory)
    {
        if (path is null)
        {
            for (var current = new DirectoryInfo(currentDirectory); current is not null; current = current.Parent)
            {
                var candidate = System.IO.Path.Combine(current.FullName, DefaultTarget);
                if (Directory.Exists(candidate))
                {
                    return new AuditTarget(AuditTargetKind.Folder, candidate, candidate, DefaultTarget);
                }
            }

            throw new CliUsageException($"no PATH given and no '{DefaultTarget}' folder above '{currentDirectory}'; pass the folder, .csproj, .sln/.slnx or .cs file to audit.");
        }

        var full = System.IO.Path.GetFullPath(path, currentDirectory);
        if (Directory.Exists(full))
        {
            full = full.TrimEnd(System.IO.Path.DirectorySeparatorChar);
            return new AuditTarget(AuditTargetKind.Folder, full, full, path);
        }

        if (!File.Exists(full))
        {
            throw new CliUsageException($"'{path}' does not exist; pass an existing folder, .csproj, .sln/.slnx or .cs file.");
        }

        var folder = System.IO.Path.GetDirectoryName(full)!;
        var extension = System.IO.Path.GetExtension(full).ToLowerInvariant();
        return extension switch
        {
            ".csproj" => new AuditTarget(AuditTargetKind.Project, full, folder, path),
            ".sln" or ".slnx" => new AuditTarget(AuditTargetKind.Solution, full, folder, path),
            ".cs" => new AuditTarget(AuditTargetKind.File, full, folder, path),
            _ => throw new CliUsageException($"'{path}' is a {extension} file; audit reads a folder, a .csproj, a .sln/.slnx or a .cs file."),
        };
    }
}

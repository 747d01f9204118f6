namespace Warden.Cli.Audit;

/// <summary>Writes a file so readers see the old content or the new, never half of it.</summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to a temporary file next to <paramref name="path"/>, then renames it over.</summary>
    public static async Task WriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, content, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary); // cancelled or failed before the rename: leave nothing behind
            }
        }
    }
}

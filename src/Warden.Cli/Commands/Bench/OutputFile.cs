using Warden.Cli.Infrastructure;

namespace Warden.Cli.Commands.Bench;

/// <summary>
/// Checks, before any work, that an output option names a file in a folder that exists: a run of minutes must
/// not end in a failed write, and the check at bind time turns that into a usage error while nothing is done yet.
/// </summary>
internal static class OutputFile
{
    /// <summary>Returns <paramref name="path"/>, or throws <see cref="CliUsageException"/> saying how to fix it.</summary>
    /// <param name="option">The option, like <c>--out</c>.</param>
    /// <param name="path">The path as given.</param>
    /// <param name="what">What is written there, for the message: <c>result</c>, <c>report</c>.</param>
    /// <param name="example">A file name to suggest, like <c>result.json</c>.</param>
    public static string Check(string option, string path, string what, string example)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new CliUsageException($"{option} needs a file name, like {option} {example}.");
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new CliUsageException($"{option} '{path}' is a folder; give a file name inside it, like {option} {Path.Combine(path, example)}.");
        }

        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            throw new CliUsageException($"the folder of {option} '{path}' does not exist; create it or write the {what} elsewhere.");
        }

        return path;
    }
}

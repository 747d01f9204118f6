using Warden.Bench.Results;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Commands.Bench;

/// <summary>Reads result files for commands, turning missing or malformed files into bad input.</summary>
internal static class ResultFiles
{
    public static async Task<BenchResult> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"{path} does not exist; give a result file written by 'warden bench ... --out FILE.json'.");
        }

        try
        {
            return await BenchResultFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (BenchResultFormatException ex)
        {
            throw new CliUsageException(ex.Message + " Give a file written by 'warden bench ... --out'.", ex);
        }
    }
}

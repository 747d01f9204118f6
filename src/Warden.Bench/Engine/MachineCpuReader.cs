using System.Globalization;

namespace Warden.Bench.Engine;

/// <summary>Reads the machine's cumulative CPU counters from the aggregate line of Linux's /proc/stat.</summary>
internal static class MachineCpuReader
{
    /// <summary>Busy and total jiffies since boot, or null where /proc/stat does not exist.</summary>
    public static (long Busy, long Total)? Read()
    {
        try
        {
            if (!File.Exists("/proc/stat"))
            {
                return null;
            }

            using var reader = new StreamReader("/proc/stat");
            var line = reader.ReadLine();
            if (line is null || !line.StartsWith("cpu ", StringComparison.Ordinal))
            {
                return null;
            }

            var fields = line[4..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var total = fields.Sum();
            var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0); // idle + iowait
            return (total - idle, total);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

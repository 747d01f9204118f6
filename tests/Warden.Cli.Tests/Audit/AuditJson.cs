using System.Text.Json;

namespace Warden.Cli.Tests.Audit;

/// <summary>Runs <c>warden audit ... --format json</c> and reads the findings back.</summary>
internal static class AuditJson
{
    public static async Task<(int ExitCode, JsonElement Document, string Error)> RunAsync(params string[] args)
    {
        var (exitCode, output, error) = await CliRun.InvokeAsync(["audit", .. args, "--format", "json"]);
        Assert.True(output.Length > 0, $"no JSON on stdout; exit {exitCode}, stderr: {error}");
        using var document = JsonDocument.Parse(output);
        return (exitCode, document.RootElement.Clone(), error);
    }

    /// <summary>"RULE path:line" for every finding, in report order.</summary>
    public static List<string> Findings(JsonElement document) =>
        [.. document.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("path").GetString()}:{f.GetProperty("line").GetInt32()}")];

    /// <summary>The rule ids found, distinct and sorted.</summary>
    public static List<string> RuleIds(JsonElement document) =>
        [.. document.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The skipped inputs as "path: reason".</summary>
    public static List<string> Skipped(JsonElement document) =>
        [.. document.GetProperty("skipped").EnumerateArray().Select(s => $"{s.GetProperty("path").GetString()}: {s.GetProperty("reason").GetString()}")];
}

using System.Globalization;
using System.Net;
using System.Text;
using Warden.Bench.Results;
using Warden.Bench.Statistics;

namespace Warden.Bench.Reporting;

/// <summary>
/// Renders a result as one self-contained HTML page: throughput-versus-load and latency-versus-load charts
/// (inline SVG), the table per level, the verdicts and the generator's health. No script, CDN or font.
/// </summary>
public static class HtmlReport
{
    /// <summary>The page for <paramref name="result"/>.</summary>
    public static string Render(BenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ticks = result.Levels.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Load:0.##} {l.Unit}")).ToArray();
        var names = result.Targets.ToDictionary(t => t.Label, t => $"{t.Label} ({t.Name})", StringComparer.Ordinal);
        var labels = result.Targets.Select(t => t.Label).ToArray();
        var throughput = labels.Select(label => (names[label], (IReadOnlyList<double>)[.. result.Levels.Select(l => Run(l, label)?.Throughput ?? 0)])).ToArray();
        var latency = labels.SelectMany(label => new[]
        {
            ($"{names[label]} p50", (IReadOnlyList<double>)[.. result.Levels.Select(l => Run(l, label)?.Latency.P50 ?? 0)]),
            ($"{names[label]} p99", (IReadOnlyList<double>)[.. result.Levels.Select(l => Run(l, label)?.P99 ?? 0)]),
        }).ToArray();

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>warden bench report</title>");
        html.Append("<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1000px}table{border-collapse:collapse;margin:1em 0}");
        html.Append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}td.l,th.l{text-align:left}");
        html.Append(".Faster{color:#2ca02c}.Slower{color:#d62728}.Inconclusive{color:#b8860b}.Same{color:#555}</style></head><body>");
        html.Append("<h1>warden bench</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(ModelText(result.Model))}. {result.Settings.Repetitions} repetition(s) of {result.Settings.DurationSeconds:0.###} s after {result.Settings.WarmupSeconds:0.###} s warm-up; threshold {result.Settings.Threshold * 100:0.#}%.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Machine: {result.Machine.Cores} cores, {E(result.Machine.Os)}, {E(result.Machine.Runtime)}. Started {result.StartedAt:u}. Warden.Bench {E(result.ToolVersion)}.</p>");
        if (result.CommandLine is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<pre>{E(result.CommandLine)}</pre>");
        }

        html.Append("<ul>");
        foreach (var target in result.Targets)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><b>{E(target.Label)}</b> {E(target.Name)}: <code>{E(target.Description)}</code></li>");
        }

        html.Append("</ul>");
        html.Append(SvgLineChart.Render("Throughput versus load", "load", "requests per second", ticks, throughput));
        html.Append(SvgLineChart.Render("Latency versus load", "load", "milliseconds", ticks, latency));
        html.Append("<table><tr><th class=\"l\">load</th><th class=\"l\">target</th><th>req/s</th><th>p50 ms</th><th>p90 ms</th><th>p99 ms</th><th>p99.9 ms</th><th>max ms</th><th class=\"l\">errors</th><th class=\"l\">generator</th></tr>");
        foreach (var level in result.Levels)
        {
            foreach (var run in level.Runs)
            {
                var errors = run.Errors.Count == 0 ? "none" : string.Join(", ", run.Errors.Select(e => $"{e.Key}: {e.Value}"));
                var generator = run.GeneratorSaturated ? "bottleneck" : "ok";
                html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"l\">{level.Load:0.##} {E(level.Unit)}</td><td class=\"l\">{E(names.GetValueOrDefault(run.Label, run.Label))}</td><td>{run.Throughput:0.#}</td><td>{run.Latency.P50:0.##}</td><td>{run.Latency.P90:0.##}</td><td>{run.P99:0.##}</td><td>{run.Latency.P999:0.##}</td><td>{run.Latency.Max:0.##}</td><td class=\"l\">{E(errors)}</td><td class=\"l\">{generator}</td></tr>");
            }
        }

        html.Append("</table>");
        var comparisons = result.Levels.Where(l => l.Comparison is not null).ToArray();
        if (comparisons.Length > 0)
        {
            html.Append("<h2>Verdicts (B against A)</h2><table><tr><th class=\"l\">load</th><th class=\"l\">verdict</th><th class=\"l\">in words</th><th class=\"l\">throughput B/A [95% CI]</th><th class=\"l\">p99 B/A [95% CI]</th><th class=\"l\">why</th></tr>");
            foreach (var level in comparisons)
            {
                var c = level.Comparison!;
                html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"l\">{level.Load:0.##} {E(level.Unit)}</td><td class=\"l {c.Verdict}\"><b>{c.Verdict}</b></td><td class=\"l\">{E(c.Sentence)}</td><td class=\"l\">{E(VerdictText.Interval(c.Throughput))}</td><td class=\"l\">{E(VerdictText.Interval(c.P99))}</td><td class=\"l\">{E(c.Reason ?? string.Empty)}</td></tr>");
            }

            html.Append(CultureInfo.InvariantCulture, $"</table><p>Intervals: {E(comparisons[0].Comparison!.Throughput.Method)}, one pair per repetition.</p>");
        }

        foreach (var knee in result.Knees)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><b>{E(names.GetValueOrDefault(knee.Label, knee.Label))}</b>: {E(knee.Description)}</p>");
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>The model in words, as every report states it.</summary>
    public static string ModelText(LoadModelKind model) => model switch
    {
        LoadModelKind.Open => "Open model (constant arrival rate; latency measured from the intended send time)",
        LoadModelKind.Ramp => "Ramp (closed-model steps of growing concurrency; latency measured from the actual send)",
        _ => "Closed model (concurrent users; latency measured from the actual send, so a stalled server also slows the senders)",
    };

    private static TargetRun? Run(LevelResult level, string label) => level.Runs.FirstOrDefault(r => r.Label == label);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

namespace Warden.Cli.Commands.Bench;

/// <summary>The validated settings of <c>warden bench report</c>.</summary>
/// <param name="ResultPath">The result file to render.</param>
/// <param name="HtmlPath">Where to write the HTML page.</param>
internal sealed record BenchReportSettings(string ResultPath, string HtmlPath);

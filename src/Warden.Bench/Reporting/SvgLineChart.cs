using System.Globalization;
using System.Net;
using System.Text;

namespace Warden.Bench.Reporting;

/// <summary>
/// Draws a small line chart as inline SVG: levels evenly spaced on the x axis (they are usually geometric:
/// 10, 100, 1000), a linear y axis from zero, one polyline per series. No script, no external resource.
/// </summary>
internal static class SvgLineChart
{
    private const int Width = 640;
    private const int Height = 300;
    private const int Left = 70;
    private const int Right = 20;
    private const int Top = 30;
    private const int Bottom = 50;
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];

    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<string> xTicks, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series)
    {
        var max = series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
        max = max <= 0 ? 1 : NiceCeiling(max);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(int i) => Left + (xTicks.Count == 1 ? plotWidth / 2.0 : plotWidth * i / (double)(xTicks.Count - 1));
        double Y(double v) => Top + plotHeight - (plotHeight * v / max);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Encode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"18\" text-anchor=\"middle\" font-weight=\"bold\">{Encode(title)}</text>");
        for (var g = 0; g <= 4; g++)
        {
            var value = max * g / 4;
            var y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\">{value:0.##}</text>");
        }

        for (var i = 0; i < xTicks.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"11\">{Encode(xTicks[i])}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + (plotWidth / 2)}\" y=\"{Height - 12}\" text-anchor=\"middle\" font-size=\"12\">{Encode(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{Top + (plotHeight / 2)}\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 14 {Top + (plotHeight / 2)})\">{Encode(yLabel)}</text>");
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Colours[s % Colours.Length];
            var points = string.Join(' ', series[s].Values.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(v):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{points}\"/>");
            for (var i = 0; i < series[s].Values.Count; i++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(series[s].Values[i]):0.#}\" r=\"3\" fill=\"{colour}\"><title>{Encode(series[s].Name)}: {series[s].Values[i]:0.##}</title></circle>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left + 10 + (s * 150)}\" y=\"{Top - 4}\" width=\"10\" height=\"10\" fill=\"{colour}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + 24 + (s * 150)}\" y=\"{Top + 5}\" font-size=\"11\">{Encode(series[s].Name)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static double NiceCeiling(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }
}

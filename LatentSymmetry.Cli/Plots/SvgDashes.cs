using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using ScottPlot;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// Keeps the dash patterns of a figure in its SVG. Skia's SVG canvas ignores path effects (it says "Unsupported path
/// effect" on stderr and strokes the line solid), so before rendering every dashed or dotted line style is made solid
/// and tagged with an alpha of its own (250, 249, ...: a change no eye sees), and afterwards each stroke of a tagged
/// opacity gets the pattern's stroke-dasharray back at full opacity.
/// </summary>
internal sealed class SvgDashes
{
    const int FirstTag = 250;
    readonly Dictionary<int, string> dashArrays = [];
    readonly Dictionary<string, int> tagOf = [];

    /// <summary>Tags the dashed line styles of <paramref name="figure"/> (which is changed: render it once, to SVG).</summary>
    public static SvgDashes Tag(Multiplot figure)
    {
        var dashes = new SvgDashes();
        var seen = new HashSet<LineStyle>(ReferenceEqualityComparer.Instance);
        foreach (Plot plot in figure.GetPlots())
        {
            foreach (IPlottable plottable in plot.GetPlottables())
            {
                foreach (PropertyInfo property in plottable.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.PropertyType == typeof(LineStyle) && property.GetIndexParameters().Length == 0 && property.GetValue(plottable) is LineStyle style)
                        dashes.Visit(style, seen);
                }
            }
            foreach (LegendItem item in plot.Legend.ManualItems)
                dashes.Visit(item.LineStyle, seen);
        }
        return dashes;
    }

    void Visit(LineStyle style, HashSet<LineStyle> seen)
    {
        if (!seen.Add(style) || style.Pattern.Intervals is not { Length: > 0 } intervals || style.Color.A != 255)
            return;
        string array = string.Join(",", intervals.Select(i => i.ToString("0.##", CultureInfo.InvariantCulture)));
        if (!tagOf.TryGetValue(array, out int tag))
        {
            tag = FirstTag - tagOf.Count;
            if (tag < 200) return; // more patterns than any figure draws: left solid
            tagOf[array] = tag;
            dashArrays[tag] = array;
        }
        style.Color = style.Color.WithAlpha((byte)tag);
        style.Pattern = LinePattern.Solid;
    }

    /// <summary>The SVG with each tagged stroke dashed again, at full opacity.</summary>
    public string Restore(string svg)
    {
        if (dashArrays.Count == 0)
            return svg;
        return Regex.Replace(svg, "stroke-opacity=\"([0-9.]+)\"", m =>
        {
            double opacity = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            int alpha = (int)Math.Round(opacity * 255);
            return dashArrays.TryGetValue(alpha, out string? array) ? $"stroke-dasharray=\"{array}\"" : m.Value;
        });
    }
}

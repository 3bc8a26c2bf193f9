using System.Text.RegularExpressions;
using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Evaluation;

namespace LatentSymmetry.Tests.Plots;

/// <summary>Figures as SVG keep their dash patterns (Skia's SVG canvas drops path effects) and a white ground.</summary>
public class SvgDashesTests
{
    [Test]
    public void The_dashed_baseline_of_compare_is_dashed_in_its_svg()
    {
        string svg = new CompareFigure(SyntheticFigures.SweepComparison(layers: 2)).ToSvg();
        // The baseline is LinePattern.Dashed: ScottPlot's 10 on, 10 off.
        Assert.That(svg, Does.Contain("stroke-dasharray=\"10,10\""));
        // No tag is left behind as a near-opaque stroke.
        foreach (Match m in Regex.Matches(svg, "stroke-opacity=\"([0-9.]+)\""))
            Assert.That(Math.Round(double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 255), Is.Not.InRange(200, 250));
    }

    [Test]
    public void A_figure_without_dashes_is_unchanged_but_for_its_ground()
    {
        var comparison = SyntheticFigures.SweepComparison(layers: 1) with { BaselineTask = new MeanCi(double.NaN, double.NaN), BaselineSymmetry = null };
        string svg = new CompareFigure(comparison).ToSvg();
        Assert.That(svg, Does.Not.Contain("stroke-dasharray"));
    }

    [Test]
    public void The_empty_cell_of_the_profile_grid_is_white_not_black()
    {
        // Four measures and the legend leave the sixth cell of the 2 x 3 grid empty: the cleared canvas shows there.
        string svg = new ProfileFigure(SyntheticFigures.RunEvaluation(), LayerMeasureSet.Of(LayerMeasures.SL, LayerMeasures.Qh, LayerMeasures.Q, LayerMeasures.Rsl), "t").ToSvg();
        var first = Regex.Match(svg, "<svg[^>]*>\\s*(<rect[^>]*>)");
        Assert.That(first.Groups[1].Value, Does.StartWith("<rect fill=\"white\""));
        Assert.That(svg, Does.Contain("stroke-dasharray"), "the untrained network is dashed");
    }

    [Test]
    public void A_single_panel_figure_is_drawn_once_in_its_svg()
    {
        // ScottPlot draws a figure twice on its first render; the SVG must hold one pass: each title once.
        var line = new SurveyFigure.FieldLine("radius", true, [[0.1, 0.2], [0.3, 0.4]]);
        string svg = SurveyFigure.Svg("Q", "so2", [line], []);
        Assert.That(Regex.Matches(svg, "Q by layer, so2").Count, Is.EqualTo(1));
    }
}

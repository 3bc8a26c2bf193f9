using ScottPlot;

namespace LatentSymmetry.Cli.Plots;

/// <summary>One line of a layer profile: a value per layer position (1..L+1, the output last), with an optional interval.</summary>
/// <param name="Label">Legend text.</param>
/// <param name="Color">Line colour.</param>
/// <param name="Values">Value at each position (NaN: not drawn).</param>
/// <param name="Lower">Lower ends of the intervals (null: no error bars).</param>
/// <param name="Upper">Upper ends of the intervals.</param>
/// <param name="Dashed">Drawn dashed without markers (a reference line).</param>
internal sealed record LayerProfileSeries(string Label, Color Color, double[] Values, double[]? Lower = null, double[]? Upper = null, bool Dashed = false)
{
    /// <summary>The marker of a line that is not <see cref="Dashed"/>.</summary>
    public MarkerShape Marker { get; init; } = MarkerShape.FilledCircle;

    /// <summary>The line pattern of a line that is not <see cref="Dashed"/> (solid unless told).</summary>
    public LinePattern Pattern { get; init; } = LinePattern.Solid;
}

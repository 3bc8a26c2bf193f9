namespace LatentSymmetry.Core.Invariance;

/// <summary>A measured value with its bootstrap confidence interval [Lower, Upper] over the test points.</summary>
/// <param name="Value">The measure on all test points.</param>
/// <param name="Lower">Lower end of the percentile-bootstrap interval.</param>
/// <param name="Upper">Upper end of the percentile-bootstrap interval.</param>
public readonly record struct MeasureEstimate(double Value, double Lower, double Upper)
{
    /// <summary>Whether <paramref name="x"/> lies within [Lower, Upper].</summary>
    public bool Contains(double x) => x >= Lower && x <= Upper;

    /// <inheritdoc/>
    public override string ToString() => $"{Value:G6} [{Lower:G6}, {Upper:G6}]";
}

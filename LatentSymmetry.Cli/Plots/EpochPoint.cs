namespace LatentSymmetry.Cli.Plots;

/// <summary>One recorded value of a training curve at a position measured in epochs (fractional for per-batch records).</summary>
/// <param name="Epoch">Position on the epoch axis; a batch b of B in epoch e is conventionally at e + (b + 1) / B.</param>
/// <param name="Value">The recorded value (a loss or the penalty weight lambda).</param>
public readonly record struct EpochPoint(double Epoch, double Value)
{
    /// <summary>
    /// Per-epoch records in list order, the record of epoch e (0-based) placed at x = e + 1, the end of that epoch,
    /// where the last per-batch record of the epoch also sits.
    /// </summary>
    public static EpochPoint[] PerEpoch(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        EpochPoint[] points = new EpochPoint[values.Count];
        for (int e = 0; e < points.Length; e++)
            points[e] = new EpochPoint(e + 1, values[e]);
        return points;
    }
}

namespace LatentSymmetry.Core.Invariance;

/// <summary>One bin of an <see cref="AngleCurve"/>: the points whose angle lies in [Lower, Upper) degrees.</summary>
/// <param name="LowerDegrees">Start of the bin.</param>
/// <param name="UpperDegrees">End of the bin (included for the last bin).</param>
/// <param name="Count">Points in the bin.</param>
/// <param name="MeanSquaredError">Their mean squared error (NaN for an empty bin).</param>
public readonly record struct AngleBin(double LowerDegrees, double UpperDegrees, int Count, double MeanSquaredError);

namespace LatentSymmetry.Cli.Plots;

/// <summary>A test loss aggregated over seeds at one maximum penalty weight.</summary>
/// <param name="LambdaMax">Maximum of the lambda schedule (0 for runs without the penalty).</param>
/// <param name="Mean">Mean test loss over seeds.</param>
/// <param name="Ci95">Half-width of the 95 % confidence interval of the mean.</param>
public readonly record struct SweepPoint(double LambdaMax, double Mean, double Ci95);

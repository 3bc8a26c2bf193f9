namespace LatentSymmetry.Cli.Plots;

/// <summary>A mean over seeds with the half-width of its 95 % confidence interval.</summary>
public readonly record struct MeanCi(double Mean, double Ci95);

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// The model's prediction and the true field on a plane (the z = 0 plane in 3-D, the disk in 2-D), sampled on an n x n grid with
/// x_i = y_i = -extent + 2 extent i / (n - 1) (a single sample sits at the origin).
/// </summary>
/// <param name="Size">Grid points per side, n (at least 1).</param>
/// <param name="Extent">Half-width of the square [-extent, extent]^2 the grid spans (positive).</param>
/// <param name="Prediction">n * n predicted values, row-major: element [row * n + col] is at (x_col, y_row).</param>
/// <param name="Truth">n * n true values, laid out like <paramref name="Prediction"/>.</param>
public sealed record FieldSlice(int Size, double Extent, IReadOnlyList<double> Prediction, IReadOnlyList<double> Truth)
{
    /// <summary>Which plane the grid lies in, shown in every panel title (e.g. "z = 0"); null shows none.</summary>
    public string? Plane { get; init; }

    /// <summary>What the colour bars of prediction and truth measure (the difference bar adds "prediction − truth").</summary>
    public string ValueLabel { get; init; } = "f";
}

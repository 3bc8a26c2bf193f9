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

    /// <summary>The vertical axis's coordinate ("y"; "z" for the x-z plane of a cone run).</summary>
    public string VerticalLabel { get; init; } = "y";

    /// <summary>
    /// The data's disk: its outer and inner radius (inner 0 for the full disk), or null for the square. The figure draws
    /// the disk's edge as a smooth circle over the grid and blanks what lies outside; the grid should hold values in every
    /// cell the edge crosses.
    /// </summary>
    public (double Outer, double Inner)? Disk { get; init; }

    /// <summary>
    /// The training region's edges in this plane, as rays from the origin at these angles (degrees, counter-clockwise
    /// from the horizontal axis); empty when the run trained on the whole domain.
    /// </summary>
    public IReadOnlyList<double> RegionEdges { get; init; } = [];

    /// <summary>The legend text of <see cref="RegionEdges"/>, e.g. "training region (sector:90)".</summary>
    public string RegionLabel { get; init; } = "training region";
}

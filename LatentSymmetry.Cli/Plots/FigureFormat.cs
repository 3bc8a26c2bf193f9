namespace LatentSymmetry.Cli.Plots;

/// <summary>Image file format a figure can be saved in.</summary>
public enum FigureFormat
{
    /// <summary>Raster image (Portable Network Graphics).</summary>
    Png,

    /// <summary>Vector image (Scalable Vector Graphics).</summary>
    Svg,
}

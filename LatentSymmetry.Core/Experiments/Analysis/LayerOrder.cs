using LatentSymmetry.Core.Models;
namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>The display order of symmetry layers: hidden layers ascending, then the output (-1), then the baseline (null).</summary>
internal static class LayerOrder
{
    /// <summary>A sort key realising that order.</summary>
    public static (int Group, int Layer) Of(SymmetryLayer layer) => layer.Number switch
    {
        null => (2, 0),
        -1 => (1, 0),
        int l => (0, l),
    };
}

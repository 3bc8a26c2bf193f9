using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Evaluation;

/// <summary>Where the measures read a network (hidden layers 1..L, then the output) and the activations there.</summary>
internal static class LayerTaps
{
    /// <summary>The stage depths of hidden layers 1..L and of the output.</summary>
    public static int[] Depths<T>(Module<T> model) where T : unmanaged, IFloatingPointIeee754<T> =>
        [.. Enumerable.Range(1, model.HiddenLayers).Select(k => model.CheckDepth(SymmetryLayer.Hidden(k))), model.StageCount];

    /// <summary>The same, with a layer that turns under a representation read at its pre-activation, as the orbit engine reads it in training.</summary>
    public static int[] Depths<T>(Module<T> model, SymmetryGroup group, IReadOnlyList<GroupRepresentation?> representations) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (model.HiddenLayers == 0) return [model.StageCount];
        // Depths draws no rotation; the engine's sampler is never used.
        var engine = new OrbitEngine<T>(group.CreateSampler(0)) { Representations = representations };
        return engine.Depths(model, SymmetryLayers.Of([.. Enumerable.Range(1, model.HiddenLayers).Select(SymmetryLayer.Hidden), SymmetryLayer.Output]));
    }

    /// <summary>
    /// The activation at each of <paramref name="depths"/> for the batch <paramref name="x"/>, each copied out of the
    /// tape's arena: the chain runs from one tap to the next.
    /// </summary>
    public static List<Variable<T>> Activations<T>(Module<T> model, Variable<T> x, int[] depths) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var tape = new Tape<T>();
        using var _ = tape.NoGrad();
        var activations = new List<Variable<T>>(depths.Length);
        var h = x;
        for (int k = 0, reached = 0; k < depths.Length; reached = depths[k++])
        {
            h = model.Forward(tape, h, reached, depths[k]);
            activations.Add(Variable<T>.FromSpan(h.Rows, h.Cols, h.Span));
        }
        return activations;
    }
}

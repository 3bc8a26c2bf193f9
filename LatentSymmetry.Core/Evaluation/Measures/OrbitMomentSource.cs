using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Invariance;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Evaluation;

/// <summary>
/// SL, Q_h, Q and RSL of every layer from one orbit pass [x; g1 x; g2 x] with one pair of Haar rotations per test
/// point, through the orbit engine as training does (<see cref="InvarianceMeasures"/>). A layer with a representation
/// has its turned copies turned back first, so the measures then read equivariance.
/// </summary>
internal sealed class OrbitMomentSource : LayerMeasureSource
{
    /// <inheritdoc/>
    public override void Measure(LayerMeasureRequest request, LayerMeasureResults results)
    {
        var (model, test, options) = (request.Model, request.Test, request.Options);
        int depth = request.Depth;
        var tape = new Tape<float>();
        using var _ = tape.NoGrad();
        var engine = new OrbitEngine<float>(request.Group.CreateSampler(request.Seed ^ RotationStreams.LayerMeasures)) { Representations = request.Representations };
        var layers = new OrbitActivations<float>[depth];
        engine.Forward(tape, model, Variable<float>.FromSpan(test.Count, test.Dimension, test.Points), LayerTaps.Depths(model, request.Group, request.Representations),
            withOriginal: true, layers);
        var measureOptions = InvarianceMeasureOptions.Default with { BootstrapReplicates = options.BootstrapReplicates, Seed = request.Seed };
        for (int k = 0; k < depth; k++)
        {
            var h = layers[k];
            results.Width(k, h.First.Cols);
            if (h.Representation is { IsTrivial: false } rho)
                h = h with { First = tape.RotateBlocks(h.First, h.R1!, rho.Vectors, transpose: true), Second = tape.RotateBlocks(h.Second, h.R2!, rho.Vectors, transpose: true) };
            var m = InvarianceMeasures.Measure(h.Original!, h.First, h.Second, measureOptions);
            results.Set(k, LayerMeasures.SL, m.SL);
            results.Set(k, LayerMeasures.Qh, m.Qh);
            results.Set(k, LayerMeasures.Q, m.Q);
            results.Set(k, LayerMeasures.Rsl, m.Rsl);
            results.Detail(k, "pca_components", m.PrincipalComponents);
        }
    }
}

using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Kernels;
using LatentSymmetry.Core.Invariance;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Evaluation;

/// <summary>
/// MI of every layer (<see cref="RotationInformation"/>): a small classifier's held-out information about the relative
/// rotation of a pair of turned copies, from <see cref="EvaluationOptions.Rotations"/> pairs per test point.
/// </summary>
internal sealed class RotationInformationSource : LayerMeasureSource
{
    /// <inheritdoc/>
    public override void Measure(LayerMeasureRequest request, LayerMeasureResults results)
    {
        var (model, test, options) = (request.Model, request.Test, request.Options);
        int n = test.Count, d = test.Dimension, depth = request.Depth;
        var (first, second, classes) = RotationPairs(request.Group, n, options.Rotations, options.RotationClasses, request.Seed ^ RotationStreams.RotationPairs);
        int m = n * options.Rotations;
        var stacked = Variable<float>.Zeros(2 * m, d);
        var points = new float[m * d];
        for (int j = 0; j < n; j++)
            for (int p = 0; p < options.Rotations; p++) test.Points.Slice(j * d, d).CopyTo(points.AsSpan((j * options.Rotations + p) * d, d));
        RowRotation.Apply<float>(first, points, stacked.Span[..(m * d)], d);
        RowRotation.Apply<float>(second, points, stacked.Span[(m * d)..], d);
        var stages = LayerTaps.Activations(model, stacked, LayerTaps.Depths(model));
        var classifier = RotationClassifierOptions.Default with { BootstrapReplicates = options.BootstrapReplicates, Seed = request.Seed };
        for (int k = 0; k < depth; k++)
        {
            var h = stages[k];
            results.Width(k, h.Cols);
            var estimate = RotationInformation.Estimate(Rows(h, 0, m), Rows(h, m, m), classes, options.RotationClasses, options.Rotations, classifier);
            results.Set(k, LayerMeasures.MI, estimate.MI);
            stages[k] = null!; // release each layer's activations as soon as it is measured
        }
    }

    static Variable<float> Rows(Variable<float> t, int start, int count) => Variable<float>.FromSpan(count, t.Cols, t.Span.Slice(start * t.Cols, count * t.Cols));

    /// <summary>
    /// MI's rotation pairs, point by point: SO(2) and rotations about z turn by two of the K angles 2π·i/K
    /// (class (i2 − i1) mod K, the authors' scheme); SO(3) draws two Haar rotations and classes the angle of
    /// the relative rotation at the quantiles of its Haar law, so the K classes are equally likely.
    /// </summary>
    static (float[] First, float[] Second, int[] Classes) RotationPairs(SymmetryGroup group, int points, int pairsPerPoint, int classCount, int seed)
    {
        int m = points * pairsPerPoint, d = group.Dimension, dd = d * d;
        var first = new double[m * dd];
        var second = new double[m * dd];
        int[] classes;
        if (!group.IsOneParameter)
        {
            var sampler = group.CreateSampler(seed);
            sampler.Sample<double>(first);
            sampler.Sample<double>(second);
            classes = RelativeRotationClasses.So3Classes(first, second, classCount);
        }
        else
        {
            var plan = RelativeRotationClasses.So2Pairs(points, pairsPerPoint, classCount, seed);
            for (int r = 0; r < m; r++)
            {
                group.RotationByAngle(RelativeRotationClasses.So2Angle(plan.First[r], classCount), first.AsSpan(r * dd, dd));
                group.RotationByAngle(RelativeRotationClasses.So2Angle(plan.Second[r], classCount), second.AsSpan(r * dd, dd));
            }
            classes = plan.Classes;
        }
        return (Array.ConvertAll(first, v => (float)v), Array.ConvertAll(second, v => (float)v), classes);
    }
}

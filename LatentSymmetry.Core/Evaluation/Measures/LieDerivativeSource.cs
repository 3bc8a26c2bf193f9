using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Invariance;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Evaluation;

/// <summary>
/// The Lie derivative of every layer along each generator L of the run's group (Gruver et al., ICLR 2023):
/// L_L h(x) = J_h(x)·(L x) − dρ(L) h(x), the rate at which the layer moves as the input turns, minus the turn its
/// representation allows (dρ(L) acts on each vector block as L; 0 for the trivial representation, so invariance is the
/// special case). It is 0 at every point exactly when the layer is equivariant under the generator's one-parameter group.
/// <para>
/// Aggregation: the mean square over test points and the layer's units, then over the generators, and its root (RMS), so
/// a layer's figure does not grow with its width. Relative: the same for each generator scaled to unit Frobenius norm,
/// over the RMS of J_h(x)·(B x) for random unit B in gl(n) (a direction as broken as a random linear flow gives about
/// 1; invariance gives 0).
/// </para>
/// <para>
/// Computed in float64 by central differences of the float64 copy of the network, h(x + tAx) − h(x − tAx) over 2t with
/// t = 1e-5: for a ReLU network, piecewise linear, this is exact but for rounding (about 1e-16 |h| / t) unless the step
/// crosses a kink; for a smooth one the truncation error is O(t²), and for an exactly invariant layer the two sides are
/// equal (|x ± tLx|² = |x|² + t²|Lx|² for an antisymmetric L), so the floor is rounding alone.
/// </para>
/// </summary>
internal sealed class LieDerivativeSource : LayerMeasureSource
{
    /// <summary>The central difference's step t.</summary>
    internal const double Step = 1e-5;

    /// <summary>Random unit directions B of gl(n) in the relative figure's denominator.</summary>
    internal const int RandomDirections = 8;

    /// <inheritdoc/>
    public override void Measure(LayerMeasureRequest request, LayerMeasureResults results)
    {
        var model = request.Model64;
        var test = request.Test;
        int n = test.Count, d = test.Dimension, depth = request.Depth;
        var x = new double[n * d];
        for (int i = 0; i < x.Length; i++) x[i] = test.Points[i];
        var depths = LayerTaps.Depths(model, request.Group, request.Representations);
        bool anyRepresentation = Enumerable.Range(0, depth).Any(k => request.RepresentationAt(k) is { IsTrivial: false });
        var center = anyRepresentation ? LayerTaps.Activations(model, Variable<double>.FromSpan(n, d, x), depths) : null;

        var generators = request.Group.Generators;
        var names = request.Group.GeneratorNames;
        // Per generator, per layer, per point: the mean square over units of the Lie derivative.
        var raw = generators.Select(a => Derivative(model, x, a, d, depths, request, center)).ToArray();
        var squaredNorms = generators.Select(a => a.Sum(v => v * v)).ToArray();
        var stream = new RandomStream(request.Seed ^ RotationStreams.LieDerivative);
        var random = new double[RandomDirections][][];
        for (int b = 0; b < RandomDirections; b++) random[b] = Derivative(model, x, UnitDirection(stream, d), d, depths, request, center: null);

        var widths = LayerTaps.Activations(model, Variable<double>.Zeros(1, d), depths).Select(h => h.Cols).ToArray();
        var bootstrapCounts = request.Options.BootstrapReplicates > 0 ? BootstrapCounts(n, request.Options.BootstrapReplicates, request.Seed) : [];
        for (int k = 0; k < depth; k++)
        {
            var perPoint = new double[n];
            var unitPerPoint = new double[n];
            var randomPerPoint = new double[n];
            for (int i = 0; i < n; i++)
            {
                for (int g = 0; g < generators.Count; g++)
                {
                    perPoint[i] += raw[g][k][i] / generators.Count;
                    unitPerPoint[i] += raw[g][k][i] / squaredNorms[g] / generators.Count;
                }
                for (int b = 0; b < RandomDirections; b++) randomPerPoint[i] += random[b][k][i] / RandomDirections;
            }
            results.Width(k, widths[k]);
            results.Set(k, LayerMeasures.LieDerivative, Estimate(bootstrapCounts, c => Math.Sqrt(Mean(perPoint, c))));
            results.Set(k, LayerMeasures.LieDerivativeRelative, Estimate(bootstrapCounts, c => Math.Sqrt(Mean(unitPerPoint, c) / Mean(randomPerPoint, c))));
            double randomMean = Mean(randomPerPoint, null);
            for (int g = 0; g < generators.Count; g++)
            {
                double mean = Mean(raw[g][k], null);
                results.Detail(k, $"LD_{names[g]}", Math.Sqrt(mean));
                results.Detail(k, $"LD_rel_{names[g]}", Math.Sqrt(mean / squaredNorms[g] / randomMean));
            }
        }
    }

    // For each layer, each point's mean square over units of (h(x + tAx) − h(x − tAx)) / 2t − dρ(A) h(x).
    static double[][] Derivative(Module<double> model, double[] x, double[] a, int d, int[] depths, LayerMeasureRequest request, List<Variable<double>>? center)
    {
        int n = x.Length / d;
        var plus = Variable<double>.Zeros(n, d);
        var minus = Variable<double>.Zeros(n, d);
        for (int i = 0; i < n; i++)
            for (int r = 0; r < d; r++)
            {
                double move = 0;
                for (int s = 0; s < d; s++) move += a[r * d + s] * x[i * d + s];
                plus.Span[i * d + r] = x[i * d + r] + Step * move;
                minus.Span[i * d + r] = x[i * d + r] - Step * move;
            }
        var hp = LayerTaps.Activations(model, plus, depths);
        var hm = LayerTaps.Activations(model, minus, depths);
        var result = new double[depths.Length][];
        var row = new double[0];
        for (int k = 0; k < depths.Length; k++)
        {
            int w = hp[k].Cols;
            if (row.Length != w) row = new double[w];
            int vectors = center is not null && request.RepresentationAt(k) is { IsTrivial: false } rho ? rho.Vectors : 0;
            var ms = result[k] = new double[n];
            for (int i = 0; i < n; i++)
            {
                for (int u = 0; u < w; u++) row[u] = (hp[k].Span[i * w + u] - hm[k].Span[i * w + u]) / (2 * Step);
                // dρ(A) h(x): each vector block v of the layer turns at the rate A v.
                for (int c = 0; c < vectors; c++)
                    for (int r = 0; r < d; r++)
                    {
                        double turn = 0;
                        for (int s = 0; s < d; s++) turn += a[r * d + s] * center![k].Span[i * w + c * d + s];
                        row[c * d + r] -= turn;
                    }
                double sum = 0;
                foreach (double v in row) sum += v * v;
                ms[i] = sum / w;
            }
        }
        return result;
    }

    // A uniformly random direction of gl(d) with unit Frobenius norm (a normalised Gaussian matrix).
    static double[] UnitDirection(RandomStream stream, int d)
    {
        var b = new double[d * d];
        for (int i = 0; i < b.Length; i++) b[i] = stream.NextGaussian();
        double norm = Math.Sqrt(b.Sum(v => v * v));
        for (int i = 0; i < b.Length; i++) b[i] /= norm;
        return b;
    }

    static double Mean(double[] values, int[]? counts)
    {
        double sum = 0;
        if (counts is null)
        {
            foreach (double v in values) sum += v;
            return sum / values.Length;
        }
        for (int i = 0; i < values.Length; i++) sum += counts[i] * values[i];
        return sum / values.Length;
    }

    static int[][] BootstrapCounts(int n, int replicates, int seed)
    {
        var bootstrap = new PercentileBootstrap(n, seed);
        var counts = new int[replicates][];
        for (int r = 0; r < replicates; r++) bootstrap.Next(counts[r] = new int[n]);
        return counts;
    }

    // The statistic on every point, with the percentile interval over the resamples (NaN without them).
    static MeasureEstimate Estimate(int[][] resamples, Func<int[]?, double> statistic)
    {
        double value = statistic(null);
        if (resamples.Length == 0) return new MeasureEstimate(value, double.NaN, double.NaN);
        var replicates = resamples.Select(statistic).ToArray();
        var (lower, upper) = PercentileBootstrap.Interval(replicates);
        return new MeasureEstimate(value, lower, upper);
    }
}

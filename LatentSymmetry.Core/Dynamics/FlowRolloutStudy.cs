using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Tasks;

namespace LatentSymmetry.Core.Dynamics;

/// <summary>
/// <c>latsym rollout</c>'s measurement of a model trained on a flow task: from starts inside the training region and the
/// same starts each turned by a Haar rotation of the group, roll the model (float32, and its weights in float64) and the
/// truth out H steps, and report per horizon the relative error on and off the region and the equivariance residual,
/// and, for a phase-space flow (the two-body problem), the drift of each quantity it conserves.
/// </summary>
/// <remarks>
/// Starts are drawn from the run's sampling domain by their own seed and kept when inside the region (rejection), so
/// they are not the training points. An exactly equivariant model gives a residual at rounding and a ratio of 1 at
/// every horizon; a model that learned the flow only where it saw data compounds its error off the region.
/// </remarks>
public static class FlowRolloutStudy
{
    /// <summary>
    /// The rows for horizons 1..<paramref name="horizon"/> of <paramref name="model"/> (float32; <paramref name="exact"/> is the
    /// same weights in float64) trained on <paramref name="flow"/> over <paramref name="domain"/> restricted to
    /// <paramref name="region"/>, from <paramref name="starts"/> starts drawn with <paramref name="seed"/>, turned by <paramref name="group"/>.
    /// </summary>
    public static IReadOnlyList<RolloutRow> Measure(Module<float> model, Module<double> exact, FlowStepField flow, SamplingDomain domain,
        TrainRegion region, SymmetryGroup group, int starts, int horizon, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(exact);
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentOutOfRangeException.ThrowIfLessThan(starts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        int d = flow.Dimension, gd = group.Dimension;
        var representation = flow.PointRepresentation;
        if (representation.GroupDimension != gd || representation.Width != d || model.InputDimension != d || domain.Dimension != d)
            throw new ArgumentException($"the flow is {d}-D ({representation} of a {representation.GroupDimension}-D group); the group acts on {gd}-D vectors, the domain is {domain.Dimension}-D and the model takes {model.InputDimension}");
        // States of C vectors turn vector by vector; a point of R^d exactly as RowRotation.Apply turns it.
        var action = SupervisedTask.VectorsEquivariant(group, representation.Vectors);

        var x0 = StartsInRegion(domain, region, starts, seed);
        var g = new double[gd * gd * starts];
        group.CreateSampler(seed ^ RotationStreams.Rollout).Sample<double>(g);
        var gx0 = new double[x0.Length];
        action.TurnInputs<double>(g, x0, gx0);

        int size = (horizon + 1) * starts * d;
        double[] truth = new double[size], turnedTruth = new double[size];
        double[] m32 = [], m32Turned = [];
        double[] m64 = new double[size], m64Turned = new double[size];
        // The truth, the float32 model and the float64 model roll out side by side: each works on its own instance and
        // buffers (GEMM's scratch is per thread), and each result is the same whichever thread computes it.
        Parallel.Invoke(
            () =>
            {
                flow.Integrator.Trajectories(x0, horizon, truth);
                flow.Integrator.Trajectories(gx0, horizon, turnedTruth);
            },
            () =>
            {
                m32 = Roll(model, x0, horizon);
                m32Turned = Roll(model, gx0, horizon);
            },
            () =>
            {
                ModelRollout.Trajectories(exact, x0, horizon, m64);
                ModelRollout.Trajectories(exact, gx0, horizon, m64Turned);
            });

        var rows = new RolloutRow[horizon];
        var turnedBack = new double[starts * d];
        for (int t = 1; t <= horizon; t++)
        {
            var block = new Range(t * starts * d, (t + 1) * starts * d);
            double inRegion = RelativeError(m32.AsSpan(block), truth.AsSpan(block));
            double offRegion = RelativeError(m32Turned.AsSpan(block), turnedTruth.AsSpan(block));
            action.TurnInputs<double>(g, m32.AsSpan(block), turnedBack);
            double residual32 = RelativeError(m32Turned.AsSpan(block), turnedBack);
            action.TurnInputs<double>(g, m64.AsSpan(block), turnedBack);
            double residual64 = RelativeError(m64Turned.AsSpan(block), turnedBack);
            double ratio64 = RelativeError(m64Turned.AsSpan(block), turnedTruth.AsSpan(block)) / RelativeError(m64.AsSpan(block), truth.AsSpan(block));
            rows[t - 1] = new RolloutRow(t, inRegion, offRegion, offRegion / inRegion, residual32, residual64)
            {
                RatioFloat64 = ratio64,
                Drifts = flow.Field is IPhaseSpaceField system ? Drifts(system, truth.AsSpan(0, starts * d), m32.AsSpan(block), m64.AsSpan(block), truth.AsSpan(block)) : [],
            };
        }
        return rows;
    }

    /// <summary>
    /// Each conserved quantity's drift at one horizon: the float32 model's states <paramref name="model"/>, its float64
    /// weights' <paramref name="exact"/> and the truth's <paramref name="truth"/>, against the quantities of <paramref name="starts"/>.
    /// </summary>
    public static QuantityDrift[] Drifts(IPhaseSpaceField system, ReadOnlySpan<double> starts, ReadOnlySpan<double> model, ReadOnlySpan<double> exact, ReadOnlySpan<double> truth)
    {
        ArgumentNullException.ThrowIfNull(system);
        int d = system.Dimension, n = starts.Length / d;
        var drifts = new QuantityDrift[system.ConservedQuantities.Count];
        for (int q = 0; q < drifts.Length; q++)
        {
            var quantity = system.ConservedQuantities[q];
            int w = quantity.Width;
            double[] q0 = new double[w], qm = new double[w], qe = new double[w], qt = new double[w];
            double norm = 0, modelSum = 0, truthSum = 0, angle32 = 0, angle64 = 0;
            for (int i = 0; i < n; i++)
            {
                quantity.Evaluate(starts.Slice(i * d, d), q0);
                quantity.Evaluate(model.Slice(i * d, d), qm);
                quantity.Evaluate(exact.Slice(i * d, d), qe);
                quantity.Evaluate(truth.Slice(i * d, d), qt);
                for (int k = 0; k < w; k++)
                {
                    norm += q0[k] * q0[k];
                    modelSum += (qm[k] - q0[k]) * (qm[k] - q0[k]);
                    truthSum += (qt[k] - q0[k]) * (qt[k] - q0[k]);
                }
                if (w > 1)
                {
                    angle32 += Square(Angle(qm, q0));
                    angle64 += Square(Angle(qe, q0));
                }
            }
            drifts[q] = new QuantityDrift(quantity.Name, w, Math.Sqrt(modelSum / norm), Math.Sqrt(truthSum / norm),
                w > 1 ? Math.Sqrt(angle32 / n) : double.NaN, w > 1 ? Math.Sqrt(angle64 / n) : double.NaN);
        }
        return drifts;
    }

    static double Square(double v) => v * v;

    // The angle between a and b, atan2(|a × b|, a·b) in any dimension via |a|²|b|² − (a·b)² (accurate near 0 as well).
    static double Angle(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double aa = 0, bb = 0, ab = 0;
        for (int k = 0; k < a.Length; k++)
        {
            aa += a[k] * a[k];
            bb += b[k] * b[k];
            ab += a[k] * b[k];
        }
        double cross2 = 0;
        for (int j = 0; j < a.Length; j++)
            for (int k = j + 1; k < a.Length; k++)
            {
                double m = a[j] * b[k] - a[k] * b[j];
                cross2 += m * m;
            }
        return Math.Atan2(Math.Sqrt(cross2), ab);
    }

    /// <summary><paramref name="count"/> points of <paramref name="domain"/> inside <paramref name="region"/>, by rejection from a stream of <paramref name="seed"/>.</summary>
    public static double[] StartsInRegion(SamplingDomain domain, TrainRegion region, int count, int seed)
    {
        int d = domain.Dimension, p = domain.PositionDimension;
        var stream = new RandomStream(DerivedSeeds.Derive(seed, "rollout_starts"));
        var kept = new double[count * d];
        var candidate = new double[d];
        int n = 0;
        for (long tries = 0; n < count; tries++)
        {
            if (tries > 1000L * count) throw new ArgumentException($"region {region} keeps almost none of the domain ({domain.Description})");
            domain.Fill<double>(stream, candidate);
            if (!region.Contains<double>(candidate.AsSpan(0, p))) continue;
            candidate.CopyTo(kept.AsSpan(n++ * d));
        }
        return kept;
    }

    // The float32 model's rollout, widened to double for the error sums.
    static double[] Roll(Module<float> model, double[] starts, int horizon)
    {
        var narrow = Array.ConvertAll(starts, v => (float)v);
        var path = new float[(horizon + 1) * starts.Length];
        ModelRollout.Trajectories(model, narrow, horizon, path);
        return Array.ConvertAll(path, v => (double)v);
    }

    // sqrt(Σ‖a − b‖² / Σ‖b‖²).
    static double RelativeError(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double diff = 0, norm = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double e = a[i] - b[i];
            diff += e * e;
            norm += b[i] * b[i];
        }
        return Math.Sqrt(diff / norm);
    }
}

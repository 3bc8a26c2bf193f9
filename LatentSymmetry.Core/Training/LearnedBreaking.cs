using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Kernels;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Training;

/// <summary>
/// How much a trained scalar model, and the field it learned, break the group's symmetry: the RMS over the test points of
/// f(R x) − f(x), one Haar rotation R per point (the stream <see cref="RotationStreams.Breaking"/>), for the model and, with
/// the same rotations at the same points, for the field. An invariant model gives 0; a relaxed model's breaking comes only
/// from its branch, so beside the field's it says how much of the data's breaking the branch learned. For a model with a
/// child <c>branch</c>, also the branch's share of the output's variance and, for a <see cref="QuadraticBranch{T}"/>, its
/// coefficients by monomial.
/// </summary>
/// <param name="BreakingRms">The model's RMS of f(R x) − f(x) (rotated points may leave the sampling domain: all test points count).</param>
/// <param name="FieldBreakingRms">The field's, at the same points and rotations; null when the data came without a field.</param>
/// <param name="BranchShare">Var(branch(x)) / Var(f(x)) over the test points; null without a branch.</param>
/// <param name="BranchCoefficients">The quadratic branch's coefficients ("z^2" → value); null for another branch or none.</param>
/// <param name="BranchSquareContrast">The quadratic branch's z² coefficient minus the mean of the other squares' (<see cref="QuadraticBranch{T}.SquareContrast"/>), the part an invariant cannot absorb; null without one.</param>
public sealed record LearnedBreaking(double BreakingRms, double? FieldBreakingRms, double? BranchShare,
    IReadOnlyDictionary<string, double>? BranchCoefficients, double? BranchSquareContrast)
{
    const int Chunk = 1024;

    /// <summary>
    /// Measures <paramref name="model"/> (one output) on <paramref name="test"/>; null for a model of several outputs
    /// (a vector task, where invariance is not what the group asks) or no test points.
    /// </summary>
    public static LearnedBreaking? Measure(Module<float> model, FieldSplit<float> test, IScalarField? field, SymmetryGroup group, int augmentationSeed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(group);
        int n = test.Count, d = test.Dimension;
        if (n == 0 || model.OutputDimension != 1 || test.TargetWidth != 1 || group.Dimension != d) return null;
        var sampler = group.CreateSampler(RotationStreams.Seed(augmentationSeed, RotationStreams.Breaking));
        var branch = model.Find("branch");
        var tape = new Tape<float>();
        var r = new double[Chunk * d * d];
        var x = new double[Chunk * d];
        var turned = new double[Chunk * d];
        var turnedFloat = new float[Chunk * d];
        var fieldAt = new double[Chunk];
        var fieldTurned = new double[Chunk];
        double modelSum = 0, fieldSum = 0;
        double fSum = 0, fSquares = 0, bSum = 0, bSquares = 0;
        for (int start = 0; start < n; start += Chunk)
        {
            int rows = Math.Min(Chunk, n - start);
            var points = test.Points.Slice(d * start, d * rows);
            for (int i = 0; i < points.Length; i++) x[i] = points[i];
            sampler.Sample(r.AsSpan(0, rows * d * d));
            RowRotation.Apply<double>(r.AsSpan(0, rows * d * d), x.AsSpan(0, rows * d), turned.AsSpan(0, rows * d), d);
            for (int i = 0; i < rows * d; i++) turnedFloat[i] = (float)turned[i];
            tape.Reset();
            using (tape.NoGrad())
            {
                var input = tape.NewScratch(rows, d);
                points.CopyTo(input.Span);
                var turnedInput = tape.NewScratch(rows, d);
                turnedFloat.AsSpan(0, rows * d).CopyTo(turnedInput.Span);
                var f = model.Forward(tape, input).Span;
                var fr = model.Forward(tape, turnedInput).Span;
                for (int i = 0; i < rows; i++)
                {
                    double diff = (double)fr[i] - f[i];
                    modelSum += diff * diff;
                    fSum += f[i];
                    fSquares += (double)f[i] * f[i];
                }
                if (branch is not null)
                {
                    var b = branch.Forward(tape, input).Span;
                    for (int i = 0; i < rows; i++)
                    {
                        bSum += b[i];
                        bSquares += (double)b[i] * b[i];
                    }
                }
            }
            if (field is not null)
            {
                field.EvaluateRows<double>(x.AsSpan(0, rows * d), fieldAt.AsSpan(0, rows));
                field.EvaluateRows<double>(turned.AsSpan(0, rows * d), fieldTurned.AsSpan(0, rows));
                for (int i = 0; i < rows; i++)
                {
                    double diff = fieldTurned[i] - fieldAt[i];
                    fieldSum += diff * diff;
                }
            }
        }
        double? share = null;
        if (branch is not null)
        {
            double fVar = fSquares / n - fSum / n * (fSum / n), bVar = bSquares / n - bSum / n * (bSum / n);
            share = fVar > 0 ? Math.Max(0, bVar) / fVar : null;
        }
        var quadratic = branch as QuadraticBranch<float>;
        return new LearnedBreaking(Math.Sqrt(modelSum / n), field is null ? null : Math.Sqrt(fieldSum / n), share,
            quadratic?.Coefficients(), quadratic?.SquareContrast());
    }
}

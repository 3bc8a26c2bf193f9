using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Models;

namespace LatentSymmetry.Core.Dynamics;

/// <summary>
/// A learned flow rolled out: the model predicts the step's displacement (the residual form), so x_{t+1} = x_t + m(x_t),
/// applied H times to a batch of starts at once. An equivariant m gives an equivariant step, hence an equivariant rollout.
/// </summary>
public static class ModelRollout
{
    /// <summary>
    /// The model's trajectories from the rows of <paramref name="starts"/> ([N·d], d the model's input dimension, equal to
    /// its output width): <paramref name="trajectory"/> ([(H+1)·N·d]) holds block t = x_t of every start, t = 0..H.
    /// </summary>
    public static void Trajectories<T>(Module<T> model, ReadOnlySpan<T> starts, int horizon, Span<T> trajectory) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        int d = model.InputDimension, n = starts.Length / d;
        if (model.OutputDimension != 0 && model.OutputDimension != d)
            throw new ArgumentException($"a flow model maps {d}-D points to {d}-D steps; this one gives {model.OutputDimension} outputs", nameof(model));
        if (n == 0 || starts.Length != n * d || trajectory.Length != (horizon + 1) * n * d)
            throw new ArgumentException($"{starts.Length} start coordinates and {trajectory.Length} trajectory values are not {horizon + 1} blocks of {d}-D points");
        starts.CopyTo(trajectory);
        // The state is accumulated with Kahan's compensation: x_t + m(x_t) rounded to T loses the low bits of the small
        // step each time, and over H steps that rounding, not the model, dominated a float32 rollout's equivariance
        // residual (it grew linearly in H). The compensation carries the lost bits to the next step, so the state is
        // the sum of the model's steps to about T's precision; the model still sees x_t in T.
        var compensation = new T[n * d];
        var tape = new Tape<T>();
        for (int t = 1; t <= horizon; t++)
        {
            tape.Reset();
            using var _ = tape.NoGrad();
            var x = tape.NewScratch(n, d);
            trajectory.Slice((t - 1) * n * d, n * d).CopyTo(x.Span);
            var step = model.Forward(tape, x);
            var next = trajectory.Slice(t * n * d, n * d);
            var xs = x.Span;
            var ss = step.Span;
            for (int i = 0; i < next.Length; i++)
            {
                T y = ss[i] - compensation[i];
                T sum = xs[i] + y;
                compensation[i] = (sum - xs[i]) - y;
                next[i] = sum;
            }
        }
    }
}

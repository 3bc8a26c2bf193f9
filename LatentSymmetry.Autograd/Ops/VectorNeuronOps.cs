using System.Numerics;
using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>
/// The two operations of Vector Neurons (Deng et al., ICCV 2021) on rows of C channels of d-vectors, laid out
/// coordinate-major: row i is [d x C], coordinate j of channel c at column j·C + c. That layout makes a batch of n rows
/// the same memory as an [(n·d) x C] matrix, so VN-Linear is one GEMM; a rotation acting on every channel commutes with
/// both operations (VN-Linear mixes channels, never coordinates; VN-ReLU reads only inner products).
/// </summary>
public static class VectorNeuronOps
{

    /// <summary>
    /// VN-Linear, Y_i = W X_i per row with X_i [C x d] (no bias, which would not turn): x [n x d·C], weight [C' x C],
    /// output [n x d·C'].
    /// </summary>
    public static Variable<T> VnLinear<T>(this Tape<T> tape, Variable<T> x, Variable<T> weight, int d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int c = weight.Cols, co = weight.Rows;
        if (d < 1 || x.Cols != d * c)
            throw new ArgumentException($"VnLinear: rows of {d}-vectors in {c} channels need {d * c} columns; got {x.Shape} with weight {weight.Shape}");
        var y = tape.NewOutput(x.Rows, d * co, x, weight);
        Gemm.Multiply(GemmForm.NT, x.Rows * d, co, c, x.Span, weight.Span, y.Span, accumulate: false);
        tape.Record(new TapeNode<T>(LinearBackward, y, x, weight, integer: d));
        return y;
    }

    static void LinearBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = node.A!;
        var w = node.B!;
        var dy = node.Output.Grad!;
        int m = x.Rows * node.Integer, c = w.Cols, co = w.Rows;
        if (x.RequiresGrad) Gemm.Multiply(GemmForm.NN, m, c, co, dy.Span, w.Span, tape.GradOf(x).Span, true);  // dX += dY·W
        if (w.RequiresGrad) Gemm.Multiply(GemmForm.TN, co, c, m, dy.Span, x.Span, tape.GradOf(w).Span, true);  // dW += dYᵀ·X
    }

    /// <summary>
    /// The VN-ReLU's damping of the projection, relative to the feature: ε in ‖k‖² + ε‖q‖² (see <see cref="VnRelu"/>).
    /// </summary>
    public const double RelativeEpsilon = 0.1;

    /// <summary>
    /// VN-ReLU of features q with directions k (both [n x d·C], coordinate-major): per channel, q where ⟨q, k⟩ ≥ 0, else q
    /// with its component along k removed, damped where k is short against q: q − ⟨q, k⟩/(‖k‖² + ε‖q‖² + δ)·k, ε =
    /// <see cref="RelativeEpsilon"/>, δ = 1e-30 (only against underflow: ⟨q, k⟩ &lt; 0 needs q and k nonzero). The reference
    /// code's absolute ε = 1e-6 makes y jump by up to |q| where k passes through 0 (for one input point every VN feature is
    /// parallel to it, so k crosses 0 whenever a channel changes sign), ‖∂y/∂k‖ up to ~2|q|/√1e-6: float rounding of k,
    /// different at x and at R x, was amplified ~1000x. With ε‖q‖², ‖∂y/∂k‖ ≤ 2/√ε (6.3) and y(λq, λk) = λ y(q, k) (up to δ).
    /// </summary>
    public static Variable<T> VnRelu<T>(this Tape<T> tape, Variable<T> q, Variable<T> k, int d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (q.Rows != k.Rows || q.Cols != k.Cols || d < 1 || q.Cols % d != 0)
            throw new ArgumentException($"VnRelu: features and directions must be the same [n x d·C] shape; got {q.Shape} and {k.Shape} for d = {d}");
        var y = tape.NewOutput(q.Rows, q.Cols, q, k);
        int channels = q.Cols / d;
        ReadOnlySpan<T> qs = q.Span, ks = k.Span;
        var ys = y.Span;
        T rel = T.CreateChecked(RelativeEpsilon), tiny = T.CreateChecked(1e-30);
        for (int i = 0; i < q.Rows; i++)
        {
            int row = i * q.Cols;
            for (int c = 0; c < channels; c++)
            {
                T s = T.Zero, kk = T.Zero, qq = T.Zero;
                for (int j = 0; j < d; j++)
                {
                    int at = row + j * channels + c;
                    s += qs[at] * ks[at];
                    kk += ks[at] * ks[at];
                    qq += qs[at] * qs[at];
                }
                T n = kk + rel * qq + tiny;
                T f = s >= T.Zero ? T.Zero : s / n;
                for (int j = 0; j < d; j++)
                {
                    int at = row + j * channels + c;
                    ys[at] = qs[at] - f * ks[at];
                }
            }
        }
        tape.Record(new TapeNode<T>(ReluBackward, y, q, k, integer: d));
        return y;
    }

    static void ReluBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var q = node.A!;
        var k = node.B!;
        int d = node.Integer, channels = q.Cols / d;
        ReadOnlySpan<T> qs = q.Span, ks = k.Span, dy = node.Output.Grad!.Span;
        var dq = q.RequiresGrad ? tape.GradOf(q).Span : default;
        var dk = k.RequiresGrad ? tape.GradOf(k).Span : default;
        T rel = T.CreateChecked(RelativeEpsilon), tiny = T.CreateChecked(1e-30), two = T.CreateChecked(2);
        for (int i = 0; i < q.Rows; i++)
        {
            int row = i * q.Cols;
            for (int c = 0; c < channels; c++)
            {
                T s = T.Zero, kk = T.Zero, qq = T.Zero, g = T.Zero;
                for (int j = 0; j < d; j++)
                {
                    int at = row + j * channels + c;
                    s += qs[at] * ks[at];
                    kk += ks[at] * ks[at];
                    qq += qs[at] * qs[at];
                    g += dy[at] * ks[at];
                }
                T n = kk + rel * qq + tiny;
                bool kept = s >= T.Zero;
                for (int j = 0; j < d; j++)
                {
                    int at = row + j * channels + c;
                    // y = q − (s/n) k, n = |k|² + ε|q|² + δ: dq = dy − g (k/n − 2ε s q/n²); dk = −(s/n) dy − g (q/n − 2 s k/n²).
                    if (kept)
                    {
                        if (!dq.IsEmpty) dq[at] += dy[at];
                        continue;
                    }
                    if (!dq.IsEmpty) dq[at] += dy[at] - g * (ks[at] / n - two * rel * s * qs[at] / (n * n));
                    if (!dk.IsEmpty) dk[at] += -s / n * dy[at] - g * (qs[at] / n - two * s * ks[at] / (n * n));
                }
            }
        }
    }

    /// <summary>
    /// Lifts rows of C d-vectors x [n x C·d] (block-major; C = 1: a point) to 2C channels of d-vectors, coordinate-major
    /// [n x d·2C]: the C vectors x_c, then their directions u_c = x_c / sqrt(|x_c|² + 1e-12). VN layers are positively
    /// homogeneous of degree 1 (f(λx) = λ f(x)), so on x alone a VN network can only learn c·x; the degree-0 channels let
    /// each channel be α(|x_c|) u_c with α piecewise linear, the role a bias plays in an MLP, and every channel turns with
    /// the point.
    /// </summary>
    public static Variable<T> VnLift<T>(this Tape<T> tape, Variable<T> x, int vectors = 1) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int c = vectors, d = c < 1 ? 0 : x.Cols / c;
        if (c < 1 || d < 1 || x.Cols != c * d) throw new ArgumentException($"VnLift: rows of {vectors} vectors; got {x.Shape}");
        var y = tape.NewOutput(x.Rows, 2 * c * d, x);
        ReadOnlySpan<T> xs = x.Span;
        var ys = y.Span;
        int w = 2 * c;
        for (int i = 0; i < x.Rows; i++)
            for (int b = 0; b < c; b++)
            {
                var v = xs.Slice(i * c * d + b * d, d);
                T inv = InverseLength(v);
                for (int j = 0; j < d; j++)
                {
                    ys[i * d * w + j * w + b] = v[j];
                    ys[i * d * w + j * w + c + b] = v[j] * inv;
                }
            }
        tape.Record(new TapeNode<T>(LiftBackward, y, x, integer: c));
        return y;
    }

    static void LiftBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = node.A!;
        if (!x.RequiresGrad) return;
        int c = node.Integer, d = x.Cols / c, w = 2 * c;
        ReadOnlySpan<T> xs = x.Span, dy = node.Output.Grad!.Span;
        var dx = tape.GradOf(x).Span;
        for (int i = 0; i < x.Rows; i++)
            for (int b = 0; b < c; b++)
            {
                var v = xs.Slice(i * c * d + b * d, d);
                T inv = InverseLength(v), dot = T.Zero;
                for (int j = 0; j < d; j++) dot += dy[i * d * w + j * w + c + b] * v[j];
                // u = x / ρ: du_j/dx_k = δ_jk / ρ − x_j x_k / ρ³, so dx_k += g_k / ρ − x_k (g·x) / ρ³ (g the gradient of u),
                // plus the gradient of x itself.
                for (int k = 0; k < d; k++)
                    dx[i * c * d + b * d + k] += dy[i * d * w + k * w + b] + dy[i * d * w + k * w + c + b] * inv - v[k] * dot * inv * inv * inv;
            }
    }

    static T InverseLength<T>(ReadOnlySpan<T> v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T n2 = T.CreateChecked(1e-12);
        for (int j = 0; j < v.Length; j++) n2 += v[j] * v[j];
        return T.One / T.Sqrt(n2);
    }
}

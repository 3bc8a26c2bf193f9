using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// A fully connected layer y = x Wᵀ + b with PyTorch's layout (weight [out, in], bias [out]) and
/// PyTorch's default initialisation, so weights travel to and from <c>nn.Linear</c> unchanged.
/// </summary>
public sealed class Linear<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A layer with zero weights; see <see cref="Initialize"/>.</summary>
    public Linear(int inFeatures, int outFeatures)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        Weight = Variable<T>.Zeros(outFeatures, inFeatures, requiresGrad: true);
        Bias = Variable<T>.Zeros(1, outFeatures, requiresGrad: true);
    }

    /// <summary>Input width.</summary>
    public int InFeatures => Weight.Cols;

    /// <summary>Output width.</summary>
    public int OutFeatures => Weight.Rows;

    /// <inheritdoc />
    public override int InputDimension => InFeatures;

    /// <inheritdoc />
    public override int OutputDimension => OutFeatures;

    /// <summary>The weight, [out x in].</summary>
    public Variable<T> Weight { get; }

    /// <summary>The bias, [1 x out] (saved as a vector of length out).</summary>
    public Variable<T> Bias { get; }

    /// <summary>Weight [out, in] and bias [out] under PyTorch's names.</summary>
    protected override IEnumerable<NamedParameter<T>> OwnParameters =>
    [
        new NamedParameter<T>("weight", Weight, [OutFeatures, InFeatures]),
        new NamedParameter<T>("bias", Bias, [OutFeatures]),
    ];

    /// <summary>
    /// PyTorch's default for <c>nn.Linear</c>: weight and bias uniform in [−1/√in, 1/√in]
    /// (kaiming_uniform with a = √5 reduces to this bound). Weights first, row-major, then biases.
    /// </summary>
    public override void Initialize(RandomStream stream)
    {
        double bound = 1.0 / Math.Sqrt(InFeatures);
        stream.FillUniform(Weight.Span, -bound, bound);
        stream.FillUniform(Bias.Span, -bound, bound);
    }

    /// <summary>
    /// An upper bound on |y_j| over the outputs y = W x + b (and ReLU(y)) as computed in floating point, for inputs with
    /// every |x_i| ≤ <paramref name="inputBound"/>: max_j (Σ_i |W_ji|) · inputBound + |b_j|, the row sums taken in double,
    /// widened by 0.1% for the rounding of the product's sums (under 1e-5 relative for any row of fewer than 10,000
    /// terms). +∞ when a weight or bias is not finite.
    /// </summary>
    public override double OutputBound(double inputBound)
    {
        var w = Weight.Span;
        var b = Bias.Span;
        int ins = InFeatures;
        double bound = 0;
        for (int j = 0; j < OutFeatures; j++)
        {
            double row = 0;
            foreach (var v in w.Slice(j * ins, ins)) row += Math.Abs(double.CreateChecked(v));
            double y = row * inputBound + Math.Abs(double.CreateChecked(b[j]));
            if (!double.IsFinite(y)) return double.PositiveInfinity; // NaN too: Max would not keep it
            bound = Math.Max(bound, y);
        }
        return bound * 1.001;
    }

    /// <summary>Weight [out, in] and bias [out] under PyTorch's names, <c>{prefix}weight</c> and <c>{prefix}bias</c>.</summary>
    public IEnumerable<NamedParameter<T>> NamedParameters(string prefix) => OwnParameters.Select(p => p with { Name = prefix + p.Name });

    /// <summary>x Wᵀ + b for a batch x of shape [rows x in], followed by ReLU when <paramref name="relu"/> (one fused operation).</summary>
    public Variable<T> Forward(Tape<T> tape, Variable<T> x, bool relu) => tape.Linear(x, Weight, Bias, relu);

    /// <inheritdoc />
    protected internal override Variable<T> Run(Tape<T> tape, Variable<T> x, TapSet<T>? taps) => tape.Linear(x, Weight, Bias, relu: false);

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new Linear<U>(InFeatures, OutFeatures);
}

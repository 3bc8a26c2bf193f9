using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Kernels;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// A linear map of the degree-1 and degree-2 monomials of the point, y = φ(x) Wᵀ with φ(x) = (x, y, z, x², y², z², x·y,
/// x·z, y·z) in 3-D ((x, y, x², y², x·y) in 2-D): the relaxed model's readable branch. Each column of the weight
/// [out, M] is the coefficient of one named monomial (<see cref="MonomialNames"/>), so what the branch learned is read
/// directly. No bias: a constant is invariant, and the invariant part of the model holds it.
/// </summary>
public sealed class QuadraticBranch<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    static readonly string[] CoordinateNames = ["x", "y", "z"];

    /// <summary>A branch on points of <paramref name="inputDim"/> (2 or 3) coordinates giving <paramref name="outputDim"/> values; zero weights.</summary>
    public QuadraticBranch(int inputDim, int outputDim)
    {
        if (inputDim is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(inputDim), inputDim, "the quadratic branch takes points of 1 to 3 coordinates (x, y, z)");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputDim);
        Dimension = inputDim;
        MonomialNames = Names(inputDim);
        Weight = Variable<T>.Zeros(outputDim, MonomialNames.Count, requiresGrad: true);
    }

    /// <summary>The point's dimension d.</summary>
    public int Dimension { get; }

    /// <summary>The monomials in column order: the coordinates, their squares ("z^2"), then the products ("x*y").</summary>
    public IReadOnlyList<string> MonomialNames { get; }

    /// <summary>The coefficients, [out x M]: row j maps the monomials to output j.</summary>
    public Variable<T> Weight { get; }

    /// <inheritdoc />
    public override int InputDimension => Dimension;

    /// <inheritdoc />
    public override int OutputDimension => Weight.Rows;

    /// <summary>The weight [out, M] as <c>weight</c>.</summary>
    protected override IEnumerable<NamedParameter<T>> OwnParameters => [new NamedParameter<T>("weight", Weight, [Weight.Rows, Weight.Cols])];

    /// <summary>
    /// Leaves the coefficients at zero and draws nothing: the relaxed model starts as its invariant part exactly (the
    /// same weights from the same stream), and any departure is learned.
    /// </summary>
    public override void Initialize(RandomStream stream)
    {
    }

    /// <summary>Output <paramref name="output"/>'s coefficient of each monomial, by name ("z^2" → value).</summary>
    public IReadOnlyDictionary<string, double> Coefficients(int output = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(output);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(output, Weight.Rows);
        var row = Weight.Span.Slice(output * Weight.Cols, Weight.Cols);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int k = 0; k < row.Length; k++) result[MonomialNames[k]] = double.CreateChecked(row[k]);
        return result;
    }

    /// <summary>
    /// The coefficient of the last coordinate's square minus the mean of the other squares' (z² − (x² + y²)/2 in 3-D):
    /// unchanged by adding any multiple of |x|², which an invariant part can absorb, so it is the part of the
    /// branch's quadratic form that only a departure from rotation symmetry explains.
    /// </summary>
    public double SquareContrast(int output = 0)
    {
        var c = Coefficients(output);
        string last = CoordinateNames[Dimension - 1] + "^2";
        if (Dimension == 1) return c[last];
        double others = 0;
        for (int i = 0; i < Dimension - 1; i++) others += c[CoordinateNames[i] + "^2"];
        return c[last] - others / (Dimension - 1);
    }

    static string[] Names(int d)
    {
        var names = new List<string>();
        for (int i = 0; i < d; i++) names.Add(CoordinateNames[i]);
        for (int i = 0; i < d; i++) names.Add(CoordinateNames[i] + "^2");
        for (int i = 0; i < d; i++)
            for (int j = i + 1; j < d; j++) names.Add(CoordinateNames[i] + "*" + CoordinateNames[j]);
        return [.. names];
    }

    /// <inheritdoc />
    protected internal override Variable<T> Run(Tape<T> tape, Variable<T> x, TapSet<T>? taps)
    {
        if (x.Cols != Dimension) throw new ArgumentException($"the quadratic branch takes points of {Dimension} coordinates; got {x.Shape}", nameof(x));
        return tape.MatMul(Monomials(tape, x), Weight, GemmForm.NT);
    }

    // φ(x) as a tape operation, so the gradient reaches the points (as it does through the invariants).
    Variable<T> Monomials(Tape<T> tape, Variable<T> x)
    {
        int d = Dimension, m = Weight.Cols, n = x.Rows;
        var phi = tape.NewOutput(n, m, x);
        var xs = x.Span;
        var ps = phi.Span;
        for (int r = 0; r < n; r++)
        {
            var p = xs.Slice(r * d, d);
            var f = ps.Slice(r * m, m);
            int k = 0;
            for (int i = 0; i < d; i++) f[k++] = p[i];
            for (int i = 0; i < d; i++) f[k++] = p[i] * p[i];
            for (int i = 0; i < d; i++)
                for (int j = i + 1; j < d; j++) f[k++] = p[i] * p[j];
        }
        tape.Record(new TapeNode<T>(MonomialsBackward, phi, x, integer: d));
        return phi;
    }

    // dφ/dx: 1 for x_i, 2 x_i for x_i², x_j and x_i for x_i·x_j; added into dx.
    static void MonomialsBackward(Tape<T> tape, in TapeNode<T> node)
    {
        var x = node.A!;
        if (!x.RequiresGrad) return;
        int d = node.Integer, m = node.Output.Cols, n = x.Rows;
        var xs = x.Span;
        var g = node.Output.Grad!.Span;
        var dx = tape.GradOf(x).Span;
        T two = T.CreateTruncating(2);
        for (int r = 0; r < n; r++)
        {
            var p = xs.Slice(r * d, d);
            var gr = g.Slice(r * m, m);
            var dr = dx.Slice(r * d, d);
            int k = 0;
            for (int i = 0; i < d; i++) dr[i] += gr[k++];
            for (int i = 0; i < d; i++) dr[i] += two * p[i] * gr[k++];
            for (int i = 0; i < d; i++)
                for (int j = i + 1; j < d; j++)
                {
                    dr[i] += p[j] * gr[k];
                    dr[j] += p[i] * gr[k++];
                }
        }
    }

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new QuadraticBranch<U>(Dimension, Weight.Rows);
}

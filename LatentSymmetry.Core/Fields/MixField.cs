using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>
/// (1 - alpha)·a + alpha·b of two fields of one dimension, the original's Mix: interpolates between, say,
/// an invariant and a non-invariant field. Invariant under what both parts are (under a's groups alone at
/// alpha = 0 and b's alone at alpha = 1).
/// </summary>
public sealed record MixField : IScalarField
{
    static readonly FieldParameter AlphaParameter = FieldParameter.Number("alpha", 0.5, NumberRange.UnitInterval, "weight of b");
    static readonly FieldParameter AParameter = FieldParameter.Field("a", "gaussian-ring", "the field at alpha = 0");
    static readonly FieldParameter BParameter = FieldParameter.Field("b", "fourier:k=2", "the field at alpha = 1");

    internal static readonly FieldDescription Description = new("mix", null, "(1 - alpha) a + alpha b",
        "A blend of any two fields of one dimension, each with its own parameters, e.g. mix:alpha=0.3,a=(bessel-j0:scale=10),b=(radial-angular:k=2).",
        [AlphaParameter, AParameter, BParameter], Invariance.None, "the groups of both a and b; a's at alpha = 0, b's at 1",
        Create);

    /// <summary>(1 - <paramref name="alpha"/>)·<paramref name="a"/> + alpha·<paramref name="b"/>; alpha in [0, 1], a and b of one dimension.</summary>
    public MixField(double alpha, IScalarField a, IScalarField b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Dimension != b.Dimension)
            throw new ArgumentException(DimensionMismatch(a, b), nameof(b));
        Alpha = AlphaParameter.Check(alpha);
        A = a;
        B = b;
    }

    /// <summary>The weight of <see cref="B"/>, in [0, 1].</summary>
    public double Alpha { get; }

    /// <summary>The field at alpha = 0.</summary>
    public IScalarField A { get; }

    /// <summary>The field at alpha = 1.</summary>
    public IScalarField B { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => A.Dimension;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("alpha", Alpha), SpecText.Of("a", A), SpecText.Of("b", B));
    /// <inheritdoc/>
    public string Formula => $"(1 - {SpecText.Number(Alpha)}) [{A.Formula}] + {SpecText.Number(Alpha)} [{B.Formula}]";

    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder =>
        Alpha == 0 ? A.InvariantUnder
        : Alpha == 1 ? B.InvariantUnder
        : A.InvariantUnder.Intersect(B.InvariantUnder).ToArray();

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        // At alpha = 0 this is 1·a + 0·b = a exactly, at alpha = 1 it is 0·a + 1·b = b (parts are finite).
        return (1 - Alpha) * A.Evaluate(point) + Alpha * B.Evaluate(point);
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;

    static MixField Create(FieldArguments arguments)
    {
        double alpha = arguments.Number("alpha");
        var a = arguments.Field("a");
        var b = arguments.Field("b");
        if (a.Dimension != b.Dimension)
            throw new FieldSpecException($"field 'mix': {DimensionMismatch(a, b)}");
        return new MixField(alpha, a, b);
    }

    static string DimensionMismatch(IScalarField a, IScalarField b) =>
        $"a=({a.Spec}) is {a.Dimension}-D but b=({b.Spec}) is {b.Dimension}-D; mix two fields of one dimension";
}

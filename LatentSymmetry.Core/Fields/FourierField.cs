using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Numerics;
namespace LatentSymmetry.Core.Fields;

/// <summary>The angular Fourier mode cos(k·theta) + offset, the original's Fourier: not invariant for k ≠ 0.</summary>
public sealed record FourierField : IScalarField
{
    static readonly FieldParameter KParameter = FieldParameter.Integer("k", 2, "angular mode");
    static readonly FieldParameter OffsetParameter = FieldParameter.Number("offset", 0, NumberRange.Finite, "constant added");

    internal static readonly FieldDescription Description = new("fourier", 2, "cos(k theta) + offset",
        "An angular Fourier mode.", [KParameter, OffsetParameter], Invariance.None, "so2 when k = 0",
        a => new FourierField(a.Integer("k"), a.Number("offset")));

    /// <summary>The field with the given parameters; throws <see cref="ArgumentOutOfRangeException"/> for invalid ones.</summary>
    public FourierField(int k, double offset)
    {
        K = (int)KParameter.Check(k);
        Offset = OffsetParameter.Check(offset);
    }

    /// <summary>The parameter <c>k</c>: angular mode.</summary>
    public int K { get; }
    /// <summary>The parameter <c>offset</c>: constant added.</summary>
    public double Offset { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("k", K), SpecText.Of("offset", Offset));
    /// <inheritdoc/>
    public string Formula => $"cos({K} theta) + {SpecText.Number(Offset)}";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => K == 0 ? Invariance.So2 : Invariance.None;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        return CrMath.Cos(K * DiskCoordinates.Angle(point, Name)) + Offset;
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}

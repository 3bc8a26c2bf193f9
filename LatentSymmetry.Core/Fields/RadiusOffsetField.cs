using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>r + offset on the disk: invariant under SO(2); a large offset tests a network's handling of a large mean.</summary>
public sealed record RadiusOffsetField : IScalarField
{
    static readonly FieldParameter OffsetParameter = FieldParameter.Number("offset", 100, NumberRange.Finite, "constant added");

    internal static readonly FieldDescription Description = new("radius-offset", 2, "r + offset",
        "The radius shifted by a large constant.", [OffsetParameter], Invariance.So2, null,
        a => new RadiusOffsetField(a.Number("offset")));

    /// <summary>The field with the given parameters; throws <see cref="ArgumentOutOfRangeException"/> for invalid ones.</summary>
    public RadiusOffsetField(double offset)
    {
        Offset = OffsetParameter.Check(offset);
    }

    /// <summary>The parameter <c>offset</c>: constant added.</summary>
    public double Offset { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("offset", Offset));
    /// <inheritdoc/>
    public string Formula => $"r + {SpecText.Number(Offset)}";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Invariance.So2;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        return DiskCoordinates.Radius(point, Name) + Offset;
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}

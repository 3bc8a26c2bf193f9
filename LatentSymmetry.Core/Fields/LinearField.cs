using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>
/// The linear field f = a·x in 3-D. Its linear symmetries are exactly the maps A with Aᵀa = 0 (six of the nine
/// dimensions of gl(3)); among rotations only those about a, so it is invariant under <c>so2z</c> when a is along z
/// and under none of the catalogue's groups otherwise.
/// </summary>
public sealed record LinearField : IDifferentiableField
{
    static readonly FieldParameter AParameter = FieldParameter.NumberList("a", [1, 2, 3], NumberRange.Finite, "the vector a (three numbers)");

    internal static readonly FieldDescription Description = new("linear", 3, "a . x",
        "A linear field: the test case whose symmetries in gl(3) (the maps with A^T a = 0) are known by hand.", [AParameter], Invariance.None,
        "so2z when a is along z",
        arguments => Create(arguments.NumberList("a")));

    readonly double[] _a;

    /// <summary>f = <paramref name="a"/>·x; <paramref name="a"/> has three finite components.</summary>
    public LinearField(IReadOnlyList<double> a)
    {
        if (a.Count != 3) throw new ArgumentException($"a must have 3 components, got {a.Count}", nameof(a));
        _a = [.. a.Select(AParameter.Check)];
    }

    static LinearField Create(double[] a) => a.Length == 3 ? new LinearField(a)
        : throw new FieldSpecException($"field 'linear': a={SpecText.NumberList(a)} has {a.Length} components; a must be three numbers separated by ';' (a=1;2;3)");

    /// <summary>The vector a.</summary>
    public IReadOnlyList<double> A => _a;

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 3;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, ("a", SpecText.NumberList(_a)));
    /// <inheritdoc/>
    public string Formula => $"{SpecText.Number(_a[0])} x + {SpecText.Number(_a[1])} y + {SpecText.Number(_a[2])} z";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => _a[0] == 0 && _a[1] == 0 ? Invariance.So2z : Invariance.None;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        FieldPoint.Require(point, 3, Name);
        return _a[0] * point[0] + _a[1] * point[1] + _a[2] * point[2];
    }

    /// <inheritdoc/>
    public void Gradient(ReadOnlySpan<double> point, Span<double> gradient)
    {
        FieldPoint.Require(point, 3, Name);
        _a.CopyTo(gradient);
    }

    /// <summary>Equal when a is equal component by component.</summary>
    public bool Equals(LinearField? other) => other is not null && _a.AsSpan().SequenceEqual(other._a);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_a[0], _a[1], _a[2]);

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}

using System.Globalization;

namespace LatentSymmetry.Core.Symmetry;

/// <summary>
/// How a group acts on a vector of some width: ρ(R) for each rotation R. Built from the trivial representation (ρ = 1,
/// scalars) and the vector representation (ρ(R) = R, the group's own d×d matrices) by direct sums, e.g. C vectors plus S
/// scalars: ρ(R) = diag(R, ..., R, 1, ..., 1). Orthogonal, so ρ(R)⁻¹ = ρ(R)ᵀ.
/// </summary>
public sealed class GroupRepresentation : IEquatable<GroupRepresentation>
{
    GroupRepresentation(int vectors, int scalars, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vectors);
        ArgumentOutOfRangeException.ThrowIfNegative(scalars);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (vectors + scalars == 0) throw new ArgumentException("a representation needs at least one vector or scalar");
        Vectors = vectors;
        Scalars = scalars;
        GroupDimension = dimension;
    }

    /// <summary><paramref name="width"/> scalars: every rotation acts as the identity (invariance).</summary>
    public static GroupRepresentation Trivial(int width, int groupDimension) => new(0, width, groupDimension);

    /// <summary>One vector turned by the rotation itself: ρ(R) = R.</summary>
    public static GroupRepresentation Vector(int groupDimension) => new(1, 0, groupDimension);

    /// <summary><paramref name="vectors"/> vectors followed by <paramref name="scalars"/> scalars.</summary>
    public static GroupRepresentation DirectSum(int vectors, int scalars, int groupDimension) => new(vectors, scalars, groupDimension);

    /// <summary>Number of vector blocks C (each of the group's dimension d), first.</summary>
    public int Vectors { get; }

    /// <summary>Number of scalars S, after the vectors.</summary>
    public int Scalars { get; }

    /// <summary>The dimension d of the group's rotations.</summary>
    public int GroupDimension { get; }

    /// <summary>The width C·d + S of the vectors it acts on.</summary>
    public int Width => Vectors * GroupDimension + Scalars;

    /// <summary>True when every rotation acts as the identity.</summary>
    public bool IsTrivial => Vectors == 0;

    /// <summary>
    /// y = ρ(R) v (or ρ(R)ᵀ v when <paramref name="transpose"/>, the inverse) for one vector of <see cref="Width"/>, R the d×d
    /// rotation row-major; <paramref name="y"/> may not overlap <paramref name="v"/>.
    /// </summary>
    public void Apply(ReadOnlySpan<double> rotation, ReadOnlySpan<double> v, Span<double> y, bool transpose = false)
    {
        int d = GroupDimension;
        if (rotation.Length != d * d || v.Length != Width || y.Length != Width)
            throw new ArgumentException($"ρ of width {Width} needs a {d}x{d} rotation and vectors of {Width}; got {rotation.Length}, {v.Length} and {y.Length} values");
        for (int c = 0; c < Vectors; c++)
            for (int j = 0; j < d; j++)
            {
                double sum = 0;
                for (int k = 0; k < d; k++) sum += (transpose ? rotation[d * k + j] : rotation[d * j + k]) * v[c * d + k];
                y[c * d + j] = sum;
            }
        v[(Vectors * d)..].CopyTo(y[(Vectors * d)..]);
    }

    /// <summary>The matrix ρ(R), [Width x Width] row-major.</summary>
    public double[] Matrix(ReadOnlySpan<double> rotation)
    {
        int w = Width;
        var m = new double[w * w];
        var e = new double[w];
        var column = new double[w];
        for (int i = 0; i < w; i++)
        {
            Array.Clear(e);
            e[i] = 1;
            Apply(rotation, e, column);
            for (int j = 0; j < w; j++) m[j * w + i] = column[j];
        }
        return m;
    }

    /// <summary>"trivial:S", "vector", "vectors:C" (C vectors, no scalars: a phase-space state such as (r, v)) or "vectors:C+S".</summary>
    public override string ToString() => IsTrivial ? string.Create(CultureInfo.InvariantCulture, $"trivial:{Scalars}")
        : Vectors == 1 && Scalars == 0 ? "vector"
        : Scalars == 0 ? string.Create(CultureInfo.InvariantCulture, $"vectors:{Vectors}")
        : string.Create(CultureInfo.InvariantCulture, $"vectors:{Vectors}+{Scalars}");

    /// <inheritdoc />
    public bool Equals(GroupRepresentation? other) => other is not null && other.Vectors == Vectors && other.Scalars == Scalars && other.GroupDimension == GroupDimension;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GroupRepresentation);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Vectors, Scalars, GroupDimension);
}

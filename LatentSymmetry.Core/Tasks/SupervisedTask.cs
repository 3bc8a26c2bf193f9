using System.Numerics;
using LatentSymmetry.Autograd.Kernels;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Tasks;

/// <summary>
/// What is learned and how the group acts on it: inputs on which R acts through <see cref="Input"/> — points of R^d
/// turned by the rotation itself (the default), or several vectors, e.g. a phase-space state (r, v) as <c>vectors:2</c> —
/// and targets on which R acts through <see cref="Target"/> — trivially for a scalar invariant field (f(R x) = f(x), the
/// original's task), as R for a vector field with F(R x) = R F(x), or through any direct sum of the two. The input and
/// output widths a model needs, and what augmentation does to a batch, come from here; a trajectory task (x_t → x_t+1)
/// is the vector case with the next point as its target.
/// </summary>
public sealed class SupervisedTask
{
    /// <summary>A task of <paramref name="group"/> on points of R^d whose targets transform under <paramref name="target"/>.</summary>
    public SupervisedTask(SymmetryGroup group, GroupRepresentation target) : this(group, group?.Vector!, target)
    {
    }

    /// <summary>A task of <paramref name="group"/> whose inputs transform under <paramref name="input"/> (vectors only) and targets under <paramref name="target"/>.</summary>
    public SupervisedTask(SymmetryGroup group, GroupRepresentation input, GroupRepresentation target)
    {
        Group = group ?? throw new ArgumentNullException(nameof(group));
        Input = input ?? throw new ArgumentNullException(nameof(input));
        Target = target ?? throw new ArgumentNullException(nameof(target));
        if (target.GroupDimension != group.Dimension)
            throw new ArgumentException($"the target representation is of a {target.GroupDimension}-D group; {group.Name} is {group.Dimension}-D", nameof(target));
        if (input.GroupDimension != group.Dimension || input.Scalars != 0 || input.Vectors < 1)
            throw new ArgumentException($"inputs are vectors of the group's {group.Dimension}-D space; {input} of a {input.GroupDimension}-D group is not", nameof(input));
    }

    /// <summary>A scalar field invariant under <paramref name="group"/>: one target, fixed by every rotation.</summary>
    public static SupervisedTask ScalarInvariant(SymmetryGroup group) => new(group, GroupRepresentation.Trivial(1, group.Dimension));

    /// <summary>A vector field equivariant under <paramref name="group"/>: d targets, turned with the points.</summary>
    public static SupervisedTask VectorEquivariant(SymmetryGroup group) => new(group, GroupRepresentation.Vector(group.Dimension));

    /// <summary>
    /// A field on points of <paramref name="vectors"/> vectors (a phase space) equivariant under <paramref name="group"/>: its
    /// value has as many vectors, turned with the point's (<c>vectors:C</c> in and out). One vector is <see cref="VectorEquivariant"/>.
    /// </summary>
    public static SupervisedTask VectorsEquivariant(SymmetryGroup group, int vectors)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentOutOfRangeException.ThrowIfLessThan(vectors, 1);
        return vectors == 1 ? VectorEquivariant(group) : new(group, group.DirectSum(vectors, 0), group.DirectSum(vectors, 0));
    }

    /// <summary>The group acting on inputs and targets.</summary>
    public SymmetryGroup Group { get; }

    /// <summary>How the group acts on an input: the vector representation for points of R^d, <c>vectors:C</c> for a phase-space state.</summary>
    public GroupRepresentation Input { get; }

    /// <summary>How the group acts on a target.</summary>
    public GroupRepresentation Target { get; }

    /// <summary>True when inputs are points of R^d, turned by the rotation itself (one vector).</summary>
    public bool InputIsPoint => Input.Vectors == 1;

    /// <summary>Width of an input: d for a point, C·d for C vectors.</summary>
    public int InputDimension => Input.Width;

    /// <summary>Width of a target, and so of the model's output.</summary>
    public int OutputWidth => Target.Width;

    /// <summary>
    /// Turns a batch in place: each row's input by ρ_in(R_i) (R_i row-major d×d in <paramref name="rotations"/>; a point by R_i
    /// itself) and its target by ρ(R_i), in the arithmetic of <see cref="RowRotation"/>. Trivial targets are left as they are.
    /// </summary>
    public void Augment<T>(ReadOnlySpan<T> rotations, Span<T> points, Span<T> targets) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = Group.Dimension, width = InputDimension, w = OutputWidth, n = points.Length / width;
        if (points.Length != n * width || targets.Length != n * w || rotations.Length != n * d * d)
            throw new ArgumentException($"{n} rows need {n * d * d} rotation values, {n * width} coordinates and {n * w} targets; got {rotations.Length}, {points.Length} and {targets.Length}");
        if (InputIsPoint) RowRotation.Apply(rotations, points, points, d);
        else TurnInputs(rotations, points, points);
        if (Target.IsTrivial) return;
        Span<T> block = stackalloc T[d];
        for (int i = 0; i < n; i++)
        {
            var m = rotations.Slice(d * d * i, d * d);
            for (int c = 0; c < Target.Vectors; c++)
            {
                var v = targets.Slice(i * w + c * d, d);
                v.CopyTo(block);
                for (int j = 0; j < d; j++)
                {
                    T sum = m[d * j] * block[0];
                    for (int k = 1; k < d; k++) sum += m[d * j + k] * block[k];
                    v[j] = sum;
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="turned"/> = ρ_in(R_i) <paramref name="inputs"/> row by row (may be the same span), in the arithmetic of
    /// <see cref="RowRotation"/>: exactly <see cref="RowRotation.Apply"/> for points, each vector block alike for several.
    /// </summary>
    public void TurnInputs<T>(ReadOnlySpan<T> rotations, ReadOnlySpan<T> inputs, Span<T> turned) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = Group.Dimension, m = InputDimension, c = Input.Vectors;
        if (InputIsPoint)
        {
            RowRotation.Apply(rotations, inputs, turned, d);
            return;
        }
        int n = inputs.Length / m;
        if (inputs.Length != n * m || turned.Length != inputs.Length || rotations.Length != n * d * d)
            throw new ArgumentException($"{n} inputs of {m} need {n * d * d} rotation values and {n * m} outputs; got {rotations.Length} and {turned.Length}");
        Span<T> row = stackalloc T[m];
        for (int i = 0; i < n; i++)
        {
            // A row's c vectors each as a point of R^d: the same sum in the same order as for one point.
            inputs.Slice(i * m, m).CopyTo(row);
            for (int b = 0; b < c; b++)
                RowRotation.Apply(rotations.Slice(i * d * d, d * d), row.Slice(b * d, d), turned.Slice(i * m + b * d, d), d);
        }
    }

    /// <summary>The group and the representations, e.g. "so3, targets vector" (points in) or "so3, inputs vectors:2, targets vectors:2".</summary>
    public override string ToString() => InputIsPoint ? $"{Group.Name}, targets {Target}" : $"{Group.Name}, inputs {Input}, targets {Target}";
}

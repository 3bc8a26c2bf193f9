using System.Numerics;
using LatentSymmetry.Autograd.Kernels;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Tasks;

/// <summary>
/// What is learned and how the group acts on it: inputs are points of R^d turned by the rotation itself, targets are
/// vectors on which R acts through <see cref="Target"/> — trivially for a scalar invariant field (f(R x) = f(x), the
/// original's task), as R for a vector field with F(R x) = R F(x), or through any direct sum of the two. The output
/// width a model needs, and what augmentation does to a batch, come from here; a trajectory task (x_t → x_t+1) is the
/// vector case with the next point as its target.
/// </summary>
public sealed class SupervisedTask
{
    /// <summary>A task of <paramref name="group"/> whose targets transform under <paramref name="target"/>.</summary>
    public SupervisedTask(SymmetryGroup group, GroupRepresentation target)
    {
        Group = group ?? throw new ArgumentNullException(nameof(group));
        Target = target ?? throw new ArgumentNullException(nameof(target));
        if (target.GroupDimension != group.Dimension)
            throw new ArgumentException($"the target representation is of a {target.GroupDimension}-D group; {group.Name} is {group.Dimension}-D", nameof(target));
    }

    /// <summary>A scalar field invariant under <paramref name="group"/>: one target, fixed by every rotation.</summary>
    public static SupervisedTask ScalarInvariant(SymmetryGroup group) => new(group, GroupRepresentation.Trivial(1, group.Dimension));

    /// <summary>A vector field equivariant under <paramref name="group"/>: d targets, turned with the points.</summary>
    public static SupervisedTask VectorEquivariant(SymmetryGroup group) => new(group, GroupRepresentation.Vector(group.Dimension));

    /// <summary>The group acting on inputs and targets.</summary>
    public SymmetryGroup Group { get; }

    /// <summary>How the group acts on a target.</summary>
    public GroupRepresentation Target { get; }

    /// <summary>Width of the points, d.</summary>
    public int InputDimension => Group.Dimension;

    /// <summary>Width of a target, and so of the model's output.</summary>
    public int OutputWidth => Target.Width;

    /// <summary>
    /// Turns a batch in place: each row's point by its rotation R_i (row-major d×d in <paramref name="rotations"/>) and its
    /// target by ρ(R_i), in the arithmetic of <see cref="RowRotation"/>. Trivial targets are left as they are.
    /// </summary>
    public void Augment<T>(ReadOnlySpan<T> rotations, Span<T> points, Span<T> targets) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = Group.Dimension, w = OutputWidth, n = points.Length / d;
        if (points.Length != n * d || targets.Length != n * w || rotations.Length != n * d * d)
            throw new ArgumentException($"{n} rows need {n * d * d} rotation values, {n * d} coordinates and {n * w} targets; got {rotations.Length}, {points.Length} and {targets.Length}");
        RowRotation.Apply(rotations, points, points, d);
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

    /// <summary>The group and the target representation, e.g. "so3, targets vector".</summary>
    public override string ToString() => $"{Group.Name}, targets {Target}";
}

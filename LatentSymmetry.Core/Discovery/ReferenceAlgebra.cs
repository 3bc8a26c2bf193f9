using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Discovery;

/// <summary>
/// A named subalgebra a discovered one is compared with: in 3-D so(3) and the rotations about each axis
/// (<c>so3</c>, <c>so2_x</c>, <c>so2_y</c>, <c>so2_z</c>), on the plane <c>so2</c>; and always <c>none</c>, the
/// zero algebra (no symmetry), so that "no symmetry" can be the closest answer.
/// </summary>
/// <param name="Name">The name in reports and JSON.</param>
/// <param name="Basis">Orthonormal (Frobenius) n×n matrices spanning it; empty for <c>none</c>.</param>
public sealed record ReferenceAlgebra(string Name, IReadOnlyList<double[]> Basis)
{
    /// <summary>The references for points of R^<paramref name="n"/>, in report order (<c>none</c> last).</summary>
    public static IReadOnlyList<ReferenceAlgebra> For(int n)
    {
        var list = new List<ReferenceAlgebra>();
        if (n == 3)
        {
            var g = SymmetryGroup.So3.Generators;
            list.Add(new("so3", AlgebraSpace.Orthonormal(g)));
            list.Add(new("so2_x", AlgebraSpace.Orthonormal([g[0]])));
            list.Add(new("so2_y", AlgebraSpace.Orthonormal([g[1]])));
            list.Add(new("so2_z", AlgebraSpace.Orthonormal([g[2]])));
        }
        else if (n == 2) list.Add(new("so2", AlgebraSpace.Orthonormal(SymmetryGroup.So2.Generators)));
        list.Add(new("none", []));
        return list;
    }
}

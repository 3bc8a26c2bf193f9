namespace LatentSymmetry.Core.Symmetry;

/// <summary>
/// A basis of the equivariant vector fields of one point under a connected group, read off its Lie algebra: the linear
/// maps M that commute with every generator (so with every rotation of the group) and the vectors v every generator
/// annihilates (so every rotation fixes). Any smooth equivariant F is Σ_k a_k(inv x) M_k x + Σ_j b_j(inv x) v_j with
/// invariant coefficients: a(|x|²) x for so3; a x + b J x for so2; a P x + b J x + c z e_z + e e_z about z. Computed
/// once per group by exact elimination (the generators' entries are 0 and ±1), so no group is special-cased by name.
/// </summary>
public sealed class EquivariantBasis
{
    EquivariantBasis(SymmetryGroup group, double[] maps, int mapCount, double[] vectors, int vectorCount)
    {
        Group = group;
        Maps = maps;
        MapCount = mapCount;
        Vectors = vectors;
        VectorCount = vectorCount;
    }

    /// <summary>The basis of <paramref name="group"/>'s equivariant fields.</summary>
    public static EquivariantBasis Of(SymmetryGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        int d = group.Dimension, g = group.Generators.Count;
        // vec(M) row-major; rows of the system: (G M − M G)_{rs} = Σ_t G_rt M_ts − M_rt G_ts = 0 for each generator G.
        var commute = new double[g * d * d, d * d];
        for (int a = 0; a < g; a++)
        {
            var gen = group.Generators[a];
            for (int r = 0; r < d; r++)
                for (int s = 0; s < d; s++)
                {
                    int row = a * d * d + r * d + s;
                    for (int t = 0; t < d; t++)
                    {
                        commute[row, t * d + s] += gen[r * d + t];
                        commute[row, r * d + t] -= gen[t * d + s];
                    }
                }
        }
        var fix = new double[g * d, d];
        for (int a = 0; a < g; a++)
            for (int r = 0; r < d; r++)
                for (int t = 0; t < d; t++) fix[a * d + r, t] = group.Generators[a][r * d + t];
        var maps = NullSpace(commute);
        var vectors = NullSpace(fix);
        return new EquivariantBasis(group, [.. maps.SelectMany(m => m)], maps.Count, [.. vectors.SelectMany(v => v)], vectors.Count);
    }

    /// <summary>The group.</summary>
    public SymmetryGroup Group { get; }

    /// <summary>The K maps, each a row-major d×d matrix, one after another.</summary>
    public double[] Maps { get; }

    /// <summary>Number of maps, K.</summary>
    public int MapCount { get; }

    /// <summary>The J fixed vectors, one after another.</summary>
    public double[] Vectors { get; }

    /// <summary>Number of fixed vectors, J.</summary>
    public int VectorCount { get; }

    /// <summary>K + J: the coefficients a network gives per point.</summary>
    public int Count => MapCount + VectorCount;

    /// <summary>The maps then the vectors in one array of <typeparamref name="T"/>, as <c>CombineBasis</c> takes them.</summary>
    public T[] Packed<T>() where T : System.Numerics.IFloatingPoint<T> =>
        [.. Maps.Concat(Vectors).Select(T.CreateTruncating)];

    /// <summary>A basis of {v : A v = 0}, one vector per free column of A's reduced row echelon form (entries snapped to integers within 1e-9).</summary>
    static List<double[]> NullSpace(double[,] a)
    {
        int rows = a.GetLength(0), cols = a.GetLength(1);
        var m = (double[,])a.Clone();
        var pivotOf = new int[cols];
        Array.Fill(pivotOf, -1);
        int rank = 0;
        for (int c = 0; c < cols && rank < rows; c++)
        {
            int best = rank;
            for (int r = rank + 1; r < rows; r++) if (Math.Abs(m[r, c]) > Math.Abs(m[best, c])) best = r;
            if (Math.Abs(m[best, c]) < 1e-9) continue;
            for (int k = 0; k < cols; k++) (m[rank, k], m[best, k]) = (m[best, k], m[rank, k]);
            double p = m[rank, c];
            for (int k = 0; k < cols; k++) m[rank, k] /= p;
            for (int r = 0; r < rows; r++)
            {
                if (r == rank || m[r, c] == 0) continue;
                double f = m[r, c];
                for (int k = 0; k < cols; k++) m[r, k] -= f * m[rank, k];
            }
            pivotOf[c] = rank++;
        }
        var basis = new List<double[]>();
        for (int free = 0; free < cols; free++)
        {
            if (pivotOf[free] >= 0) continue;
            var v = new double[cols];
            v[free] = 1;
            for (int c = 0; c < cols; c++)
                if (pivotOf[c] >= 0) v[c] = Snap(-m[pivotOf[c], free]);
            basis.Add(v);
        }
        return basis;
    }

    static double Snap(double v) => Math.Abs(v - Math.Round(v)) < 1e-9 ? Math.Round(v) + 0.0 : v;
}

using MathNet.Numerics.LinearAlgebra;

namespace LatentSymmetry.Core.Discovery;

/// <summary>
/// The gradient of sampled data, for a run trained on a sample file, which has no field to take the reference gradient
/// from: at a sample, the slope g of the least-squares plane y ≈ a + g·(x_j − x) through its k nearest samples (itself
/// included). Its error enters the reference's rate and the floor alike (for an exact symmetry the reference's rate is that
/// error alone), so sparse or noisy samples make the dimension larger (the data cannot rule a direction out) rather than smaller.
/// </summary>
public static class SampleGradients
{
    /// <summary>Neighbours of a plane fit in R^n: four per unknown (the n slopes and the offset).</summary>
    public static int DefaultNeighbours(int n) => 4 * (n + 1);

    /// <summary>
    /// The local slope at each sample <paramref name="at"/> (indices of rows of <paramref name="points"/>), from its
    /// <paramref name="neighbours"/> nearest samples (Euclidean; ties by row order); rows of n, in the order of <paramref name="at"/>.
    /// </summary>
    /// <param name="points">Every sample, rows of <paramref name="n"/>.</param>
    /// <param name="values">Each sample's value.</param>
    /// <param name="n">Coordinates per point.</param>
    /// <param name="at">The rows where the slope is wanted.</param>
    /// <param name="neighbours">Samples per fit, at least n + 1 and at most the number of samples.</param>
    public static double[] LocalLinear(double[] points, double[] values, int n, IReadOnlyList<int> at, int neighbours)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(at);
        int count = values.Length;
        if (n < 1 || points.Length != count * n) throw new ArgumentException($"{points.Length} coordinates are not {count} rows of {n}", nameof(points));
        if (neighbours < n + 1 || neighbours > count)
            throw new ArgumentOutOfRangeException(nameof(neighbours), neighbours, $"a plane in R^{n} needs {n + 1}..{count} samples");
        var gradients = new double[at.Count * n];
        var nearest = new int[neighbours];
        var nearestDistance = new double[neighbours];
        var design = Matrix<double>.Build.Dense(neighbours, n + 1);
        var rhs = Vector<double>.Build.Dense(neighbours);
        for (int a = 0; a < at.Count; a++)
        {
            int row = at[a];
            // The k nearest by insertion into a sorted list of k: one pass over the samples, no sort of them all. A sample
            // goes after those at the same distance, so ties keep row order.
            int found = 0;
            for (int j = 0; j < count; j++)
            {
                double s = 0;
                for (int c = 0; c < n; c++)
                {
                    double t = points[j * n + c] - points[row * n + c];
                    s += t * t;
                }
                if (found == neighbours && s >= nearestDistance[neighbours - 1]) continue;
                int pos = found < neighbours ? found++ : neighbours - 1;
                while (pos > 0 && nearestDistance[pos - 1] > s)
                {
                    nearestDistance[pos] = nearestDistance[pos - 1];
                    nearest[pos] = nearest[pos - 1];
                    pos--;
                }
                nearestDistance[pos] = s;
                nearest[pos] = j;
            }
            for (int r = 0; r < neighbours; r++)
            {
                int j = nearest[r];
                design[r, 0] = 1;
                for (int c = 0; c < n; c++) design[r, c + 1] = points[j * n + c] - points[row * n + c];
                rhs[r] = values[j];
            }
            // QR, not the normal equations, so clustered neighbours do not square the condition number.
            var solution = design.QR().Solve(rhs);
            for (int c = 0; c < n; c++) gradients[a * n + c] = solution[c + 1];
        }
        return gradients;
    }
}

using LatentSymmetry.Core.Discovery;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Discovery;

public class SampleGradientsTests
{
    static double[] Points(int count, int n, int seed)
    {
        var p = new double[count * n];
        new RandomStream(seed).FillUniform<double>(p, -2, 2);
        return p;
    }

    [Test]
    public void The_slope_of_samples_of_a_plane_is_the_planes_to_rounding()
    {
        // f = 0.5 + a.x: every local plane fit is exact, whatever the neighbours.
        double[] a = [1.5, -2, 0.25];
        var points = Points(200, 3, 4);
        var values = Enumerable.Range(0, 200).Select(i => 0.5 + a[0] * points[3 * i] + a[1] * points[3 * i + 1] + a[2] * points[3 * i + 2]).ToArray();
        var g = SampleGradients.LocalLinear(points, values, 3, [0, 17, 199], SampleGradients.DefaultNeighbours(3));
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++) Assert.That(g[3 * r + c], Is.EqualTo(a[c]).Within(1e-12));
    }

    [Test]
    public void The_slope_of_a_smooth_function_approaches_its_gradient_as_the_samples_grow_dense()
    {
        // f = x^2 + y on the disk's square: the plane through the 12 nearest samples at (x0, y0) has slope (2 x0, 1) up to
        // the curvature over the neighbourhood's spread, which shrinks with the spacing (about 4 / sqrt(N)).
        double Error(int count)
        {
            var points = Points(count, 2, 9);
            var values = Enumerable.Range(0, count).Select(i => points[2 * i] * points[2 * i] + points[2 * i + 1]).ToArray();
            var at = Enumerable.Range(0, 50).ToArray();
            var g = SampleGradients.LocalLinear(points, values, 2, at, SampleGradients.DefaultNeighbours(2));
            return at.Max(i => Math.Abs(g[2 * i] - 2 * points[2 * i]) + Math.Abs(g[2 * i + 1] - 1));
        }
        double sparse = Error(400), dense = Error(6400);
        Assert.That(dense, Is.LessThan(sparse / 2));
        Assert.That(dense, Is.LessThan(0.2));
    }

    [Test]
    public void The_neighbours_are_the_k_nearest_as_a_full_sort_finds_them()
    {
        // Random values, so every neighbour changes the slope: the fit must use exactly the k nearest (ties impossible here).
        var points = Points(300, 3, 5);
        var values = new double[300];
        new RandomStream(6).FillUniform<double>(values, -1, 1);
        int[] at = [3, 150, 299];
        var g = SampleGradients.LocalLinear(points, values, 3, at, 16);
        for (int a = 0; a < at.Length; a++)
        {
            int row = at[a];
            double Distance(int j) => Enumerable.Range(0, 3).Sum(c => Math.Pow(points[3 * j + c] - points[3 * row + c], 2));
            var nearest = Enumerable.Range(0, 300).OrderBy(Distance).Take(16).ToArray();
            var design = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(16, 4, (r, c) => c == 0 ? 1 : points[3 * nearest[r] + c - 1] - points[3 * row + c - 1]);
            var solution = design.QR().Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfEnumerable(nearest.Select(j => values[j])));
            for (int c = 0; c < 3; c++) Assert.That(g[3 * a + c], Is.EqualTo(solution[c + 1]).Within(1e-12));
        }
    }

    [Test]
    public void Too_few_neighbours_for_a_plane_are_refused()
    {
        var points = Points(10, 3, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleGradients.LocalLinear(points, new double[10], 3, [0], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleGradients.LocalLinear(points, new double[10], 3, [0], 11));
    }
}

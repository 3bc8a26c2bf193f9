using LatentSymmetry.Core.Fields;

namespace LatentSymmetry.Tests.Fields;

public class ScalarFieldRowsTests
{
    [Test]
    public void Rows_are_the_pointwise_values_rounded_once()
    {
        var rng = new TestData(41);
        foreach (var d in FieldCatalog.All)
        {
            var field = FieldCatalog.Parse(d.Name);
            int n = 37, dim = field.Dimension;
            var pf = rng.Array<float>(dim * n, -1.2, 1.2);
            var vf = new float[n];
            field.EvaluateRows<float>(pf, vf);
            for (int i = 0; i < n; i++)
            {
                var p = new double[dim];
                for (int j = 0; j < dim; j++) p[j] = pf[dim * i + j];
                Assert.That(vf[i], Is.EqualTo((float)field.Evaluate(p)), d.Name);
            }
        }
    }

    [Test]
    public void Evaluating_rows_allocates_nothing_once_warm()
    {
        var rng = new TestData(42);
        // bessel-j0 calls MathNet's BesselJ (the Amos complex routine), which allocates its work arrays per call.
        foreach (var d in FieldCatalog.All.Where(d => d.Name != "bessel-j0"))
        {
            var field = FieldCatalog.Parse(d.Name);
            var points = rng.Array<double>(field.Dimension * 64, -1, 1);
            var values = new double[64];
            field.EvaluateRows<double>(points, values);
            long before = GC.GetAllocatedBytesForCurrentThread();
            field.EvaluateRows<double>(points, values);
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero, d.Name);
        }
    }
}

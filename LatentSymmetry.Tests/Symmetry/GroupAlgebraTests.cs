using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Tests.Symmetry;

public class GroupAlgebraTests
{
    static IEnumerable<SymmetryGroup> Groups => SymmetryGroup.All;

    static double[] Multiply(double[] a, double[] b, int n)
    {
        var c = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++) c[i * n + j] += a[i * n + k] * b[k * n + j];
        return c;
    }

    [TestCaseSource(nameof(Groups))]
    public void Generators_are_antisymmetric_and_named(SymmetryGroup group)
    {
        int d = group.Dimension;
        Assert.That(group.GeneratorNames, Has.Count.EqualTo(group.Generators.Count));
        foreach (var l in group.Generators)
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++) Assert.That(l[i * d + j], Is.EqualTo(-l[j * d + i]));
    }

    [Test]
    public void So3_generators_close_under_the_commutator_as_Lx_Ly_give_Lz()
    {
        var l = SymmetryGroup.So3.Generators;
        for (int a = 0; a < 3; a++)
        {
            int b = (a + 1) % 3, c = (a + 2) % 3;
            var ab = Multiply(l[a], l[b], 3);
            var ba = Multiply(l[b], l[a], 3);
            Assert.That(ab.Zip(ba, (x, y) => x - y).ToArray(), Is.EqualTo(l[c]), $"[L{a}, L{b}] = L{c}");
        }
    }

    [TestCaseSource(nameof(Groups))]
    public void Every_generator_annihilates_every_invariant(SymmetryGroup group)
    {
        // The invariants q are constant along the orbits, so ∇q(x) · (L x) = 0 for each generator L.
        int d = group.Dimension, k = group.InvariantCount;
        var rng = new TestData(3);
        for (int trial = 0; trial < 50; trial++)
        {
            var x = rng.Array<double>(d, -3, 3);
            for (int q = 0; q < k; q++)
            {
                var seed = new double[k];
                seed[q] = 1;
                var gradient = new double[d];
                group.AddInvariantGradients<double>(x, seed, gradient);
                foreach (var l in group.Generators)
                {
                    double dot = 0;
                    for (int i = 0; i < d; i++)
                        for (int j = 0; j < d; j++) dot += gradient[i] * l[i * d + j] * x[j];
                    Assert.That(dot, Is.EqualTo(0).Within(1e-12), $"{group}: invariant {group.InvariantNames[q]}");
                }
            }
        }
    }

    [TestCaseSource(nameof(Groups))]
    public void A_one_parameter_groups_rotation_by_angle_has_its_generator_as_derivative(SymmetryGroup group)
    {
        Assert.That(group.IsOneParameter, Is.EqualTo(group != SymmetryGroup.So3));
        if (!group.IsOneParameter)
        {
            Assert.Throws<NotSupportedException>(() => group.RotationByAngle(0.1, new double[9]));
            return;
        }
        int d = group.Dimension;
        const double h = 1e-6;
        var plus = new double[d * d];
        var minus = new double[d * d];
        group.RotationByAngle(h, plus);
        group.RotationByAngle(-h, minus);
        for (int i = 0; i < d * d; i++)
            Assert.That((plus[i] - minus[i]) / (2 * h), Is.EqualTo(group.Generators[0][i]).Within(1e-9));
    }

    [Test]
    public void A_direct_sum_representation_is_a_homomorphism_and_orthogonal()
    {
        var group = SymmetryGroup.So3;
        var rho = group.DirectSum(2, 3);
        Assert.That(rho.Width, Is.EqualTo(9));
        var sampler = group.CreateSampler(5);
        var r1 = new double[9];
        var r2 = new double[9];
        sampler.Sample<double>(r1);
        sampler.Sample<double>(r2);
        var product = Multiply(rho.Matrix(r1), rho.Matrix(r2), 9);
        var ofProduct = rho.Matrix(Multiply(r1, r2, 3));
        for (int i = 0; i < 81; i++) Assert.That(product[i], Is.EqualTo(ofProduct[i]).Within(1e-14), "ρ(R1) ρ(R2) = ρ(R1 R2)");
        var v = new TestData(1).Array<double>(9);
        var turned = new double[9];
        var back = new double[9];
        rho.Apply(r1, v, turned);
        rho.Apply(r1, turned, back, transpose: true);
        for (int i = 0; i < 9; i++) Assert.That(back[i], Is.EqualTo(v[i]).Within(1e-15), "ρ(R)ᵀ ρ(R) = 1");
        Assert.That(turned[6..], Is.EqualTo(v[6..]), "the scalars do not turn");
        Assert.That(group.Trivial(4).IsTrivial && !group.Vector.IsTrivial, Is.True);
        Assert.That(group.Vector.ToString() + " " + rho + " " + group.Trivial(2), Is.EqualTo("vector vectors:2+3 trivial:2"));
    }
}

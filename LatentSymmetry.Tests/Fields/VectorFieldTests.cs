using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Fields;

namespace LatentSymmetry.Tests.Fields;

public class VectorFieldTests
{
    /// <summary>Every vector field at its defaults, and variants whose equivariance depends on their parameters.</summary>
    static IEnumerable<string> Specs() =>
    [
        "grad:radial", "central-force", "central-force:strength=-2,width=0.7", "rotational-flow", "rotational-flow:omega=3,width=2",
        "dipole-z", "dipole-z:eps=0.1", "wind", "wind:vx=0,vy=0,vz=2", "wind:vx=0,vy=0,vz=0",
    ];

    static double[] Value(IVectorField field, double[] p)
    {
        var v = new double[field.Dimension];
        field.Evaluate(p, v);
        return v;
    }

    [TestCaseSource(nameof(Specs))]
    public void Equivariant_under_each_group_it_names_to_rounding(string spec)
    {
        var field = VectorFieldCatalog.Parse(spec);
        var rng = new TestData(21);
        foreach (var group in field.EquivariantUnder.Select(g => g.Name))
        {
            Assert.That(TestRotations.GroupsOf(field.Dimension), Does.Contain(group));
            for (int i = 0; i < 2000; i++)
            {
                double[] p = TestRotations.Point(field.Dimension, rng, field.Dimension == 3 ? 5 : 1.2);
                double[] r = TestRotations.Of(group, rng);
                double[] turned = Value(field, TestRotations.Apply(r, p)), expected = TestRotations.Apply(r, Value(field, p));
                double scale = Math.Max(1, expected.Max(Math.Abs));
                for (int k = 0; k < field.Dimension; k++)
                    Assert.That(turned[k], Is.EqualTo(expected[k]).Within(1e-12 * scale), $"{spec} under {group}, component {k}");
            }
        }
    }

    [TestCaseSource(nameof(Specs))]
    public void Not_equivariant_under_some_rotation_of_each_group_it_does_not_name(string spec)
    {
        var field = VectorFieldCatalog.Parse(spec);
        var rng = new TestData(22);
        foreach (var group in TestRotations.GroupsOf(field.Dimension).Except(field.EquivariantUnder.Select(g => g.Name)))
        {
            double worst = 0;
            for (int i = 0; i < 200; i++)
            {
                double[] p = TestRotations.Point(field.Dimension, rng, field.Dimension == 3 ? 2 : 1);
                double[] r = TestRotations.Of(group, rng);
                double[] turned = Value(field, TestRotations.Apply(r, p)), expected = TestRotations.Apply(r, Value(field, p));
                for (int k = 0; k < field.Dimension; k++) worst = Math.Max(worst, Math.Abs(turned[k] - expected[k]));
            }
            Assert.That(worst, Is.GreaterThan(1e-3), $"{spec} claims nothing under {group} but is equivariant");
        }
    }

    [Test]
    public void Gradient_of_radial_matches_central_differences()
    {
        var grad = (GradientField)VectorFieldCatalog.Parse("grad:radial");
        Assert.That(grad.IsExact, Is.True);
        var radial = FieldCatalog.Parse("radial");
        var rng = new TestData(23);
        for (int i = 0; i < 100; i++)
        {
            double[] p = TestRotations.Point(3, rng, 2);
            double[] g = Value(grad, p);
            for (int k = 0; k < 3; k++)
            {
                double h = 1e-6;
                var plus = (double[])p.Clone(); plus[k] += h;
                var minus = (double[])p.Clone(); minus[k] -= h;
                double fd = (radial.Evaluate(plus) - radial.Evaluate(minus)) / (2 * h);
                Assert.That(g[k], Is.EqualTo(fd).Within(1e-6 * Math.Max(1, Math.Abs(fd))));
            }
        }
    }

    [Test]
    public void Gradient_without_a_closed_form_is_a_Richardson_difference_equivariant_to_1e_9()
    {
        var grad = (GradientField)VectorFieldCatalog.Parse("grad:gaussian-ring:std=0.3");
        Assert.That(grad.IsExact, Is.False);
        Assert.That(grad.EquivariantUnder.Select(g => g.Name), Is.EqualTo(new[] { "so2" }));
        var rng = new TestData(24);
        for (int i = 0; i < 500; i++)
        {
            double[] p = TestRotations.Point(2, rng, 1);
            double[] r = TestRotations.Plane(rng.Uniform(0, 2 * Math.PI));
            double[] turned = Value(grad, TestRotations.Apply(r, p)), expected = TestRotations.Apply(r, Value(grad, p));
            for (int k = 0; k < 2; k++) Assert.That(turned[k], Is.EqualTo(expected[k]).Within(1e-9));
        }
    }

    [Test]
    public void Hand_values()
    {
        // Central force at (1, 0, 0), width 1: -x e^{-1/2}.
        Assert.That(Value(VectorFieldCatalog.Parse("central-force:width=1"), [1, 0, 0])[0], Is.EqualTo(-Math.Exp(-0.5)).Within(1e-15));
        // The vortex at (0.5, 0) with width 0.5: omega e^{-1/2} (0, 0.5).
        Assert.That(Value(VectorFieldCatalog.Parse("rotational-flow"), [0.5, 0]), Is.EqualTo(new[] { 0, 0.5 * Math.Exp(-0.5) }).Within(1e-15));
        // The dipole on its axis at z = 2, eps = 0 limit approached: (3·4 − 4)/(4 + eps²)^{5/2} along z.
        Assert.That(Value(VectorFieldCatalog.Parse("dipole-z:eps=1"), [0, 0, 2])[2], Is.EqualTo(8 / Math.Pow(5, 2.5)).Within(1e-15));
        Assert.That(Value(VectorFieldCatalog.Parse("wind:vx=1,vy=2,vz=3"), [4, 5, 6]), Is.EqualTo(new double[] { 1, 2, 3 }));
    }

    [Test]
    public void Specs_round_trip_and_bad_specs_are_one_line()
    {
        foreach (var spec in Specs().Append("grad:(gaussian-ring:std=0.2)"))
        {
            var field = VectorFieldCatalog.Parse(spec);
            Assert.That(VectorFieldCatalog.Parse(field.Spec).Spec, Is.EqualTo(field.Spec));
            Assert.That(VectorFieldCatalog.IsVectorSpec(spec) && !VectorFieldCatalog.IsVectorSpec("radial"), Is.True);
        }
        foreach (var bad in new[] { "grad", "grad:nope", "central-force:width=-1", "wind:vq=1", "dipole-z:eps=abc" })
        {
            var e = Assert.Throws<FieldSpecException>(() => VectorFieldCatalog.Parse(bad), bad)!;
            Assert.That(e.Message, Does.Not.Contain("\n"));
        }
    }

    [Test]
    public void A_vector_data_set_has_the_scalar_data_sets_points_and_d_targets_per_point()
    {
        var field = VectorFieldCatalog.Parse("grad:radial");
        var vector = new FieldDataset<double>(7, 200, SamplingDomain.Box(3, 5), field, TrainRegion.Full);
        var scalar = new FieldDataset<double>(7, 200, SamplingDomain.Box(3, 5), FieldCatalog.Parse("radial"), TrainRegion.Full);
        Assert.That(vector.Train.Points.ToArray(), Is.EqualTo(scalar.Train.Points.ToArray()));
        Assert.That(vector.TargetWidth, Is.EqualTo(3));
        Assert.That(vector.FieldSpec, Is.EqualTo("grad:radial"));
        var p = vector.Test.Points.Slice(0, 3).ToArray();
        Assert.That(vector.Test.Targets.Slice(0, 3).ToArray(), Is.EqualTo(Value(field, p)));
    }
}

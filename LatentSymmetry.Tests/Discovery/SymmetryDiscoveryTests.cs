using LatentSymmetry.Core.Discovery;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Tests.Discovery;

public class SymmetryDiscoveryTests
{
    static double[] Points(int count, int n, double half, ulong seed = 7) => new TestData(seed).Array<double>(count * n, -half, half);

    static DiscoveryResult OfField(string spec, string within, int count = 500, double half = 2)
    {
        var field = FieldCatalog.Parse(spec);
        var points = Points(count, field.Dimension, half);
        var (g, e) = InputGradients.Of(field, points, 1e-3);
        var space = within == "gl" ? AlgebraSpace.GeneralLinear(field.Dimension) : AlgebraSpace.Rotations(field.Dimension);
        return SymmetryDiscovery.Discover(new GradientSample(points, g, e, field.Dimension, spec), space);
    }

    static double Distance(DiscoveryResult r, string name) => r.Distances.Single(d => d.Name == name).Radians;

    static double[] Skew(double x, double y, double z) => [0, -z, y, z, 0, -x, -y, x, 0];

    [TestCase("gl")]
    [TestCase("so")]
    public void The_radial_field_has_exactly_so3(string within)
    {
        var r = OfField("radial", within);
        Assert.That(r.Dimension, Is.EqualTo(3));
        Assert.That(r.RelativeSingularValues.Take(3), Is.All.LessThanOrEqualTo(1e-12));
        Assert.That(r.RelativeSingularValues[3..], Is.All.GreaterThan(1e-3));
        Assert.That(Distance(r, "so3"), Is.LessThanOrEqualTo(1e-10));
        Assert.That(r.Closest, Is.EqualTo("so3"));
    }

    [Test]
    public void A_linear_field_has_the_six_maps_with_A_transpose_a_zero_in_gl3()
    {
        double[] a = [1, 2, 3];
        var r = OfField("linear:a=1;2;3", "gl");
        Assert.That(r.Dimension, Is.EqualTo(6));
        foreach (var m in r.Basis)
            for (int col = 0; col < 3; col++)
                Assert.That(m[col] * a[0] + m[3 + col] * a[1] + m[6 + col] * a[2], Is.EqualTo(0).Within(1e-12), "(A^T a)_" + col);
        // Within so(3) only the rotations about a leave a·x unchanged: [a]x, one dimension.
        var so = OfField("linear:a=1;2;3", "so");
        Assert.That(so.Dimension, Is.EqualTo(1));
        double[] axis = Skew(1, 2, 3);
        double norm = Math.Sqrt(axis.Sum(v => v * v));
        Assert.That(Math.Abs(so.Basis[0].Zip(axis, (p, q) => p * q).Sum()) / norm, Is.EqualTo(1).Within(1e-12));
    }

    [Test]
    public void The_cylinder_has_rotations_about_z_and_the_three_maps_that_move_only_z()
    {
        var r = OfField("cylinder", "gl");
        Assert.That(r.Dimension, Is.EqualTo(4));
        var expected = AlgebraSpace.Orthonormal([Skew(0, 0, 1), [0, 0, 0, 0, 0, 0, 1, 0, 0], [0, 0, 0, 0, 0, 0, 0, 1, 0], [0, 0, 0, 0, 0, 0, 0, 0, 1]]);
        Assert.That(GrassmannDistance.Between(r.Basis, expected), Is.LessThanOrEqualTo(1e-10));
        var so = OfField("cylinder", "so");
        Assert.That(so.Dimension, Is.EqualTo(1));
        Assert.That(so.Closest, Is.EqualTo("so2_z"));
    }

    [TestCase("gl")]
    [TestCase("so")]
    public void The_broken_field_keeps_only_L_z(string within)
    {
        var r = OfField("broken:eps=0.05", within);
        Assert.That(r.Dimension, Is.EqualTo(1));
        Assert.That(Distance(r, "so2_z"), Is.LessThanOrEqualTo(1e-10));
        Assert.That(r.Closest, Is.EqualTo("so2_z"));
    }

    [Test]
    public void The_violation_of_L_x_on_the_broken_field_is_its_closed_form_and_linear_in_eps()
    {
        // ∇f·(L_x x) = 2 g'(R²) xᵀL_x x + 2 eps z (L_x x)_z = 2 eps z y, since L_x x = (0, -z, y).
        var points = Points(400, 3, 2);
        double closed = 0;
        for (int i = 0; i < 400; i++) closed += Math.Pow(2 * points[3 * i + 1] * points[3 * i + 2], 2);
        closed = Math.Sqrt(closed / 400);
        var eps = new[] { 1e-3, 1e-2, 0.3 };
        var absolute = new double[3];
        var relative = new double[3];
        for (int k = 0; k < eps.Length; k++)
        {
            var field = (IDifferentiableField)FieldCatalog.Parse($"broken:eps={eps[k]}");
            var (g, _) = InputGradients.Of(field, points, 0);
            var sample = new GradientSample(points, g, null, 3, "test");
            var lx = SymmetryDiscovery.Violation(sample, "L_x", SymmetryGroup.So3.Generators[0]);
            var lz = SymmetryDiscovery.Violation(sample, "L_z", SymmetryGroup.So3.Generators[2]);
            Assert.That(lx.Absolute, Is.EqualTo(eps[k] * closed).Within(1e-12 * closed));
            Assert.That(lz.Relative, Is.LessThan(1e-14));
            absolute[k] = lx.Absolute;
            relative[k] = lx.Relative;
        }
        double Slope(double[] v, int i, int j) => Math.Log(v[j] / v[i]) / Math.Log(eps[j] / eps[i]);
        // The absolute rate is exactly linear; the relative one divides by the field's whole rate, which the z² term
        // itself raises, so it is linear while that term is small against the radial part.
        Assert.That(Slope(absolute, 0, 2), Is.EqualTo(1).Within(1e-9));
        Assert.That(Slope(relative, 0, 1), Is.EqualTo(1).Within(0.02));
    }

    [Test]
    public void An_invariant_model_has_so3_to_rounding()
    {
        var model = new InvariantMlp<double>(SymmetryGroup.So3, 32, 2, 1);
        model.Initialize(new RandomStream(3));
        var points = Points(300, 3, 3);
        var sample = new GradientSample(points, InputGradients.Of(model, points, 3), null, 3, "invariant model");
        var r = SymmetryDiscovery.Discover(sample, AlgebraSpace.GeneralLinear(3));
        Assert.That(r.Dimension, Is.EqualTo(3));
        Assert.That(r.RelativeSingularValues.Take(3), Is.All.LessThanOrEqualTo(1e-12));
        Assert.That(Distance(r, "so3"), Is.LessThanOrEqualTo(1e-10));
    }

    [Test]
    public void The_disk_field_x_has_the_two_maps_with_a_zero_first_row_and_no_rotation()
    {
        var gl = OfField("x", "gl", half: 1);
        Assert.That(gl.Dimension, Is.EqualTo(2));
        foreach (var m in gl.Basis) Assert.That(Math.Abs(m[0]) + Math.Abs(m[1]), Is.LessThan(1e-12));
        var so = OfField("x", "so", half: 1);
        Assert.That(so.Dimension, Is.EqualTo(0));
        Assert.That(so.Closest, Is.EqualTo("none"));
    }

    [Test]
    public void A_field_without_a_closed_form_gradient_is_differenced_and_its_error_sets_the_floor()
    {
        // gaussian-ring is a function of r alone: so(2) within gl(2), though its gradient comes from differences.
        var r = OfField("gaussian-ring", "gl", half: 1);
        Assert.That(r.Floor.Error.Max(), Is.GreaterThan(0));
        Assert.That(r.Dimension, Is.EqualTo(1));
        Assert.That(r.Closest, Is.EqualTo("so2"));
    }

    [Test]
    public void Gradient_errors_below_the_breaking_keep_it_broken_and_above_it_hide_it()
    {
        // A "model" whose gradients are the field's plus an error of size s: with s far below the breaking of L_x and
        // L_y (2 eps z y) they stay broken; far above it the field's breaking is within the error and they cannot be told
        // from symmetries.
        var points = Points(400, 3, 2);
        var field = (IDifferentiableField)FieldCatalog.Parse("broken:eps=0.05");
        var (g, _) = InputGradients.Of(field, points, 0);
        foreach (var (size, expected) in new[] { (1e-4, 1), (1.0, 3) })
        {
            var noise = new TestData(99).Array<double>(points.Length, -size, size);
            var noisy = g.Zip(noise, (a, b) => a + b).ToArray();
            var r = SymmetryDiscovery.Discover(new GradientSample(points, noisy, noise, 3, "noisy") { ErrorIsDeviation = true }, AlgebraSpace.Rotations(3));
            Assert.That(r.Dimension, Is.EqualTo(expected), $"error size {size}");
        }
    }

    [Test]
    public void Principal_angles_between_two_lines_and_a_plane_are_the_known_angles()
    {
        double t = 0.3;
        double[] u = [1, 0, 0], v = [Math.Cos(t), Math.Sin(t), 0], w = [0, 0, 1];
        Assert.That(GrassmannDistance.PrincipalAngles([u], [v])[0], Is.EqualTo(t).Within(1e-15));
        Assert.That(GrassmannDistance.Between([u], [v]), Is.EqualTo(t).Within(1e-15));
        Assert.That(GrassmannDistance.PrincipalAngles([u, w], [v])[0], Is.EqualTo(t).Within(1e-15));
        // A line inside a plane: angle 0, but the spaces differ in dimension by one: distance pi/2.
        Assert.That(GrassmannDistance.Between([u], [u, w]), Is.EqualTo(Math.PI / 2).Within(1e-15));
        Assert.That(GrassmannDistance.PrincipalAngles([u], [[Math.Cos(1e-9), Math.Sin(1e-9), 0]])[0], Is.EqualTo(1e-9).Within(1e-22));
    }

    [Test]
    public void Model_input_gradients_through_the_tape_match_central_differences()
    {
        var model = new Mlp<double>(3, 16, 2, 1);
        model.Initialize(new RandomStream(4));
        var points = Points(10, 3, 1);
        var g = InputGradients.Of(model, points, 3);
        var tape = new LatentSymmetry.Autograd.Tape<double>();
        double F(double[] p)
        {
            tape.Reset();
            using var _ = tape.NoGrad();
            return model.Forward(tape, LatentSymmetry.Autograd.Variable<double>.FromSpan(1, 3, p)).Span[0];
        }
        for (int i = 0; i < 10; i++)
            for (int a = 0; a < 3; a++)
            {
                var p = points.AsSpan(3 * i, 3).ToArray();
                double h = 1e-6;
                p[a] += h; double up = F(p);
                p[a] -= 2 * h; double down = F(p);
                Assert.That(g[3 * i + a], Is.EqualTo((up - down) / (2 * h)).Within(1e-6));
            }
    }
}

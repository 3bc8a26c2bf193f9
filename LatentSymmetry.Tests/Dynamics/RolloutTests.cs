using LatentSymmetry.Autograd.Kernels;
using LatentSymmetry.Core.Dynamics;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Tests.Dynamics;

/// <summary>The flow task's truth against closed forms, and model rollouts against what their algebra says.</summary>
public class RolloutTests
{
    [Test]
    public void The_integrator_follows_the_closed_form_circles_of_a_rotational_flow_for_100_steps()
    {
        // dx/dt = g(r) J x keeps r and turns at the constant rate g(r): x(t) = Rot(g(r) t) x0.
        var field = new RotationalFlowField(omega: 1.3, width: 0.7);
        var flow = new FlowIntegrator(field, dt: 0.1);
        double[] starts = [0.5, 0.1, -0.3, 0.8, 0.05, -0.02];
        var trajectory = new double[101 * starts.Length];
        flow.Trajectories(starts, 100, trajectory);
        for (int r = 0; r < 3; r++)
        {
            double x = starts[2 * r], y = starts[2 * r + 1], radius2 = x * x + y * y;
            double angle = 1.3 * Math.Exp(-radius2 / (2 * 0.7 * 0.7)) * 10;
            double ex = Math.Cos(angle) * x - Math.Sin(angle) * y, ey = Math.Sin(angle) * x + Math.Cos(angle) * y;
            Assert.That(trajectory[(100 * 3 + r) * 2], Is.EqualTo(ex).Within(1e-10), $"start {r}, x");
            Assert.That(trajectory[(100 * 3 + r) * 2 + 1], Is.EqualTo(ey).Within(1e-10), $"start {r}, y");
        }
    }

    [Test]
    public void A_flow_step_field_round_trips_its_spec_and_is_equivariant_where_its_field_is()
    {
        var step = (FlowStepField)VectorFieldCatalog.Parse("flow:dt=0.2,field=(central-force:width=1.5)");
        Assert.That(step.Spec, Is.EqualTo("flow:dt=0.2,substeps=16,field=(central-force:strength=1,width=1.5)"));
        Assert.That(VectorFieldCatalog.Parse(step.Spec), Is.EqualTo(step));
        Assert.That(step.EquivariantUnder, Is.EqualTo(step.Field.EquivariantUnder));
        var rotation = new double[9];
        SymmetryGroup.So3.CreateSampler(4).Sample<double>(rotation);
        double[] x = [0.4, -1.1, 0.7];
        var rx = new double[3];
        RowRotation.Apply<double>(rotation, x, rx, 3);
        var dx = new double[3];
        var drx = new double[3];
        step.Evaluate(x, dx);
        step.Evaluate(rx, drx);
        var rdx = new double[3];
        RowRotation.Apply<double>(rotation, dx, rdx, 3);
        Assert.That(drx, Is.EqualTo(rdx).Within(1e-15), "D(Rx) = R D(x)");
        Assert.That(Math.Sqrt(dx.Sum(v => v * v)), Is.GreaterThan(1e-3), "the step moves the point");
    }

    [TestCase("flow:field=(wind)", "needs dt")]
    [TestCase("flow:dt=0,field=(wind)", "dt=0")]
    [TestCase("flow:dt=0.1", "its field last")]
    [TestCase("flow:dt=0.1,field=(flow:dt=0.1,field=(wind))", "cannot be a flow")]
    public void A_bad_flow_spec_is_a_one_line_error(string spec, string mentions) =>
        Assert.That(Assert.Throws<FieldSpecException>(() => VectorFieldCatalog.Parse(spec))!.Message, Does.Contain(mentions).And.Not.Contain("\n"));

    [Test]
    public void A_model_of_zero_step_stays_put_and_a_linear_step_is_a_matrix_power()
    {
        var zero = new Linear<double>(2, 2);
        double[] starts = [1, 2, -0.5, 0.25];
        var still = new double[11 * 4];
        ModelRollout.Trajectories(zero, starts, 10, still);
        for (int t = 0; t <= 10; t++) Assert.That(still.AsSpan(t * 4, 4).ToArray(), Is.EqualTo(starts), $"step {t}");

        var linear = new Linear<double>(2, 2);
        double[] w = [0.1, -0.2, 0.3, 0.05]; // x_{t+1} = (I + W) x_t
        w.CopyTo(linear.Weight.Span);
        var path = new double[6 * 4];
        ModelRollout.Trajectories(linear, starts, 5, path);
        double[] m = [1.1, -0.2, 0.3, 1.05];
        for (int r = 0; r < 2; r++)
        {
            double x = starts[2 * r], y = starts[2 * r + 1];
            for (int t = 0; t < 5; t++) (x, y) = (m[0] * x + m[1] * y, m[2] * x + m[3] * y);
            Assert.That(path[(5 * 2 + r) * 2], Is.EqualTo(x).Within(1e-14));
            Assert.That(path[(5 * 2 + r) * 2 + 1], Is.EqualTo(y).Within(1e-14));
        }
    }

    // A step below half an ulp of the state: plain float32 accumulation drops it every time (1 + 1e-8 rounds to 1);
    // the compensated state gathers 100 of them.
    [Test]
    public void The_state_keeps_steps_smaller_than_its_rounding()
    {
        var tiny = new Linear<float>(3, 3);
        tiny.Bias.Span.Fill(1e-8f);
        float[] starts = [1, -1, 0.5f];
        var path = new float[101 * 3];
        ModelRollout.Trajectories(tiny, starts, 100, path);
        Assert.That(path[300], Is.EqualTo(1 + 1e-6).Within(1.2e-7));
        Assert.That(path[301], Is.EqualTo(-1 + 1e-6).Within(1.2e-7));
        Assert.That(path[302], Is.EqualTo(0.5 + 1e-6).Within(6e-8));
    }

    [Test]
    public void An_equivariant_models_rollout_from_a_turned_start_is_the_turned_rollout()
    {
        var model = ModelKind.Equivariant.Create<double>(SymmetryGroup.So3, 16, 2, 3);
        model.Initialize(new RandomStream(5));
        var sampler = SymmetryGroup.So3.CreateSampler(8);
        int n = 16, h = 50;
        var starts = new double[3 * n];
        var stream = new RandomStream(2);
        for (int i = 0; i < starts.Length; i++) starts[i] = 2 * stream.NextDouble() - 1;
        var rotations = new double[9 * n];
        sampler.Sample<double>(rotations);
        var turned = new double[3 * n];
        RowRotation.Apply<double>(rotations, starts, turned, 3);
        var path = new double[(h + 1) * 3 * n];
        var turnedPath = new double[(h + 1) * 3 * n];
        ModelRollout.Trajectories(model, starts, h, path);
        ModelRollout.Trajectories(model, turned, h, turnedPath);
        var expected = new double[3 * n];
        for (int t = 0; t <= h; t += 10)
        {
            RowRotation.Apply<double>(rotations, path.AsSpan(t * 3 * n, 3 * n), expected, 3);
            double diff = 0, norm = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                double e = expected[i] - turnedPath[t * 3 * n + i];
                diff += e * e;
                norm += expected[i] * expected[i];
            }
            Assert.That(Math.Sqrt(diff / norm), Is.LessThan(1e-13), $"horizon {t}");
        }
        Assert.That(path[^1], Is.Not.EqualTo(path[3 * n - 1]), "the model moves the points");
    }
}

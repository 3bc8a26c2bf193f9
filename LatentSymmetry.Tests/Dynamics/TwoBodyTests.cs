using LatentSymmetry.Autograd.Kernels;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Dynamics;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Tasks;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Dynamics;

/// <summary>
/// The two-body problem on phase space (r, v): its truth against a closed-form orbit and its conservation laws, the
/// representation vectors:2 against hand-turned states, its bound states, and exactly equivariant models rolled out on it.
/// </summary>
public class TwoBodyTests
{
    static readonly KeplerField Kepler = new(gm: 1, soft: 0.1);

    static double[] Rotation(SymmetryGroup group, int seed)
    {
        var r = new double[9];
        group.CreateSampler(seed).Sample<double>(r);
        return r;
    }

    [Test]
    public void The_integrator_follows_a_circular_orbit_to_1e_10_after_100_steps()
    {
        // A circular orbit of radius R in the x-y plane: r(t) = R (cos wt, sin wt, 0) with w = v_c(R) / R.
        double radius = 1.3, vc = Kepler.CircularSpeed(radius), w = vc / radius;
        double[] start = [radius, 0, 0, 0, vc, 0];
        var path = new double[101 * 6];
        new FlowIntegrator(Kepler, dt: 0.1).Trajectories(start, 100, path);
        double t = 100 * 0.1;
        double[] expected = [radius * Math.Cos(w * t), radius * Math.Sin(w * t), 0, -vc * Math.Sin(w * t), vc * Math.Cos(w * t), 0];
        Assert.That(path.AsSpan(600, 6).ToArray(), Is.EqualTo(expected).Within(1e-10));
        // v_c² = gm R² / (R² + soft²)^{3/2} by hand.
        Assert.That(vc * vc, Is.EqualTo(radius * radius / Math.Pow(radius * radius + 0.01, 1.5)).Within(1e-15));
    }

    [Test]
    public void The_integrator_keeps_energy_and_angular_momentum_over_100_steps_of_bound_orbits()
    {
        var stream = new RandomStream(7);
        var starts = new double[20 * 6];
        for (int i = 0; i < 20; i++) Kepler.SampleState(stream, starts.AsSpan(6 * i, 6));
        var path = new double[101 * starts.Length];
        new FlowIntegrator(Kepler, dt: 0.1).Trajectories(starts, 100, path);
        var l0 = new double[3];
        var l = new double[3];
        for (int i = 0; i < 20; i++)
        {
            var x0 = starts.AsSpan(6 * i, 6);
            var x = path.AsSpan((100 * 20 + i) * 6, 6);
            Assert.That(Kepler.Energy(x), Is.EqualTo(Kepler.Energy(x0)).Within(1e-10), $"start {i}: energy");
            KeplerField.AngularMomentum(x0, l0);
            KeplerField.AngularMomentum(x, l);
            // RK4 keeps linear invariants exactly but not quadratic ones such as r × v: to about 1e-12 here.
            Assert.That(l, Is.EqualTo(l0).Within(1e-11), $"start {i}: angular momentum");
            Assert.That(Math.Abs(x[0] - x0[0]) + Math.Abs(x[1] - x0[1]), Is.GreaterThan(1e-2), $"start {i}: it moved");
        }
    }

    [Test]
    public void Drawn_states_are_bound_orbits_in_the_shell_near_circular_speed()
    {
        var field = new KeplerField(gm: 2, soft: 0.1, rmin: 1, rmax: 3, noise: 0.3, phase: 0);
        var stream = new RandomStream(3);
        var s = new double[6];
        for (int i = 0; i < 2000; i++)
        {
            field.SampleState(stream, s);
            double r = Math.Sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]), v = Math.Sqrt(s[3] * s[3] + s[4] * s[4] + s[5] * s[5]);
            Assert.That(r, Is.InRange(1, 3));
            Assert.That(field.Energy(s), Is.LessThan(0), $"state {i} is bound");
            // |v| / v_c is in [1 - noise, sqrt((1 + noise)² + noise²)].
            Assert.That(v / field.CircularSpeed(r), Is.InRange(0.7 - 1e-12, Math.Sqrt(1.69 + 0.09) + 1e-12));
        }
    }

    [Test]
    public void States_moved_along_their_orbits_reach_beyond_the_shell_and_stay_bound()
    {
        // phase = 1 moves each state along its orbit: orbits that are not circular reach inside rmin and beyond rmax.
        var stream = new RandomStream(3);
        var s = new double[6];
        double lo = double.MaxValue, hi = 0;
        for (int i = 0; i < 2000; i++)
        {
            Kepler.SampleState(stream, s);
            double r = Math.Sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
            (lo, hi) = (Math.Min(lo, r), Math.Max(hi, r));
            Assert.That(Kepler.Energy(s), Is.LessThan(0), $"state {i} is bound");
        }
        // Kepler by hand for the extreme starts: from r = 1 at 0.9 v_c the pericentre is 2a - 1 = 0.68 (a = 1 / 1.19); from
        // r = 2 at 1.1 v_c the apocentre is 2a - 2 = 3.06 (a = 1 / (1 - 0.605)); softening moves both a little.
        Assert.That(lo, Is.InRange(0.65, 0.9), "inside rmin");
        Assert.That(hi, Is.InRange(2.5, 3.1), "beyond rmax");
    }

    [Test]
    public void Vectors_2_turns_position_and_velocity_each_by_the_rotation()
    {
        var rotation = Rotation(SymmetryGroup.So3, 5);
        double[] state = [0.3, -1.2, 0.8, 0.5, 0.1, -0.7];
        var expected = new double[6];
        for (int b = 0; b < 2; b++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 3; k++) expected[3 * b + j] += rotation[3 * j + k] * state[3 * b + k];
        var byRepresentation = new double[6];
        GroupRepresentation.DirectSum(2, 0, 3).Apply(rotation, state, byRepresentation);
        Assert.That(byRepresentation, Is.EqualTo(expected).Within(1e-15));
        var task = SupervisedTask.VectorsEquivariant(SymmetryGroup.So3, 2);
        var byTask = new double[6];
        task.TurnInputs<double>(rotation, state, byTask);
        Assert.That(byTask, Is.EqualTo(expected).Within(1e-15));
        // Augmentation turns a state and its target step alike.
        double[] points = [.. state], targets = [.. state];
        task.Augment<double>(rotation, points, targets);
        Assert.That((points, targets), Is.EqualTo((expected, expected)).Within(1e-15));
        // The field is equivariant under it, its energy invariant, its angular momentum turned.
        var f = new double[6];
        var fTurned = new double[6];
        Kepler.Evaluate(state, f);
        Kepler.Evaluate(expected, fTurned);
        var turnedF = new double[6];
        GroupRepresentation.DirectSum(2, 0, 3).Apply(rotation, f, turnedF);
        Assert.That(fTurned, Is.EqualTo(turnedF).Within(1e-14));
        Assert.That(Kepler.Energy(expected), Is.EqualTo(Kepler.Energy(state)).Within(1e-14));
    }

    [Test]
    public void A_point_task_turns_inputs_bit_for_bit_as_the_row_rotation_kernel()
    {
        var rotations = new float[2 * 9];
        SymmetryGroup.So3.CreateSampler(9).Sample<float>(rotations);
        float[] points = [0.3f, -1.2f, 0.8f, 2.5f, 0.1f, -0.7f];
        var byTask = new float[6];
        var byKernel = new float[6];
        SupervisedTask.VectorEquivariant(SymmetryGroup.So3).TurnInputs<float>(rotations, points, byTask);
        RowRotation.Apply<float>(rotations, points, byKernel, 3);
        Assert.That(byTask, Is.EqualTo(byKernel));
    }

    static IEnumerable<TestCaseData> ExactModels()
    {
        yield return new TestCaseData(ModelKind.Equivariant, SymmetryGroup.So3).SetName("Equivariant_so3");
        yield return new TestCaseData(ModelKind.Equivariant, SymmetryGroup.So2z).SetName("Equivariant_so2z");
        yield return new TestCaseData(ModelKind.VectorNeuron, SymmetryGroup.So3).SetName("Vn_so3");
    }

    [TestCaseSource(nameof(ExactModels))]
    public void An_exact_model_rolls_out_turned_starts_to_the_turned_rollout_to_float64_rounding(ModelKind kind, SymmetryGroup group)
    {
        var task = SupervisedTask.VectorsEquivariant(group, 2);
        Assert.That(kind.CheckTask(task), Is.Null);
        var model = kind.Create<double>(task, 16, 2);
        model.Initialize(new RandomStream(3));
        // Small steps so 100 of them stay bounded: scale the last layer's weights down.
        var last = model.ParameterList.Last(p => p.Name.EndsWith("weight", StringComparison.Ordinal)).Tensor.Span;
        for (int i = 0; i < last.Length; i++) last[i] *= 0.05;
        int n = 8;
        var stream = new RandomStream(4);
        var x0 = new double[n * 6];
        for (int i = 0; i < n; i++) Kepler.SampleState(stream, x0.AsSpan(6 * i, 6));
        var g = new double[n * 9];
        group.CreateSampler(5).Sample<double>(g);
        var gx0 = new double[x0.Length];
        task.TurnInputs<double>(g, x0, gx0);
        var path = new double[101 * x0.Length];
        var turnedPath = new double[101 * x0.Length];
        ModelRollout.Trajectories(model, x0, 100, path);
        ModelRollout.Trajectories(model, gx0, 100, turnedPath);
        var expected = new double[x0.Length];
        task.TurnInputs<double>(g, path.AsSpan(100 * x0.Length, x0.Length), expected);
        double diff = 0, norm = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            diff += Math.Pow(turnedPath[100 * x0.Length + i] - expected[i], 2);
            norm += expected[i] * expected[i];
        }
        Assert.That(Math.Sqrt(diff / norm), Is.LessThan(1e-13), "rollout(g x0) = g rollout(x0)");
        Assert.That(path.AsSpan(100 * x0.Length).ToArray(), Is.Not.EqualTo(x0), "the model moves the states");
    }

    [Test]
    public void A_vn_model_keeps_the_orbital_plane_so_its_angular_momentum_turns_by_rounding_only()
    {
        // Every VN layer maps into the span of its input vectors, so each step keeps r and v in their plane: L keeps its direction.
        var task = SupervisedTask.VectorsEquivariant(SymmetryGroup.So3, 2);
        var model = ModelKind.VectorNeuron.Create<double>(task, 12, 2);
        model.Initialize(new RandomStream(8));
        var flow = new FlowStepField(Kepler, 0.1);
        var rows = FlowRolloutStudy.Measure(model.To<float>(), model, flow, SamplingDomain.States(Kepler, 3), TrainRegion.Cone(60), SymmetryGroup.So3, 16, 20, seed: 1);
        var l = rows[^1].Drifts.Single(q => q.Name == "angular_momentum");
        Assert.That(l.AngleFloat64, Is.LessThan(1e-12));
        Assert.That(l.Model, Is.GreaterThan(1e-3), "its length is not kept");
        Assert.That(rows.All(r => Math.Abs(r.Ratio - 1) < 1e-5 && r.EquivarianceResidualFloat64 < 1e-13), Is.True);
    }

    [Test]
    public void Drifts_are_relative_to_the_starts_quantities()
    {
        // One circular state; a "model" state with the velocity doubled: L doubles (drift 1, same direction), E gains 3/2 |v|².
        double radius = 1.2, vc = Kepler.CircularSpeed(radius);
        double[] start = [radius, 0, 0, 0, vc, 0], doubled = [radius, 0, 0, 0, 2 * vc, 0];
        var drifts = FlowRolloutStudy.Drifts(Kepler, start, doubled, doubled, start);
        var energy = drifts.Single(q => q.Name == "energy");
        var l = drifts.Single(q => q.Name == "angular_momentum");
        Assert.That(energy.Model, Is.EqualTo(1.5 * vc * vc / Math.Abs(Kepler.Energy(start))).Within(1e-14));
        Assert.That((energy.Truth, double.IsNaN(energy.AngleFloat32)), Is.EqualTo((0.0, true)));
        Assert.That((l.Model, l.Truth, l.AngleFloat32), Is.EqualTo((1.0, 0.0, 0.0)).Within(1e-15));
    }

    [Test]
    public void A_flow_of_kepler_trains_on_bound_states_in_the_cone_by_position()
    {
        var options = new TrainingOptions
        {
            VectorField = new FlowStepField(Kepler, 0.1), TrainRegion = TrainRegion.Cone(60), Samples = 400, Epochs = 1, HiddenDim = 8, HiddenLayers = 1,
            SymmetryLayers = SymmetryLayers.None,
        };
        Assert.That(options.Validate(), Is.Null);
        Assert.That(options.Task.Input, Is.EqualTo(SymmetryGroup.So3.DirectSum(2, 0)));
        var data = options.CreateDataset();
        Assert.That((data.Dimension, data.TargetWidth), Is.EqualTo((6, 6)));
        for (int i = 0; i < data.Train.Count; i++)
        {
            var s = data.Train.Points.Slice(6 * i, 6);
            double r = Math.Sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
            Assert.That(Math.Acos(s[2] / r), Is.LessThanOrEqualTo(Math.PI / 3 + 1e-6), "r is in the cone");
        }
        var result = new Trainer(options).Run();
        Assert.That(double.IsFinite(result.TestTaskLoss), Is.True);
        Assert.That(result.Model.InputDimension, Is.EqualTo(6));
    }

    [Test]
    public void The_output_penalty_turns_states_and_steps_as_two_vectors_so_an_exact_model_has_none()
    {
        // The penalty 1/2 E|rho(R1)^-1 m(R1 x) - rho(R2)^-1 m(R2 x)|^2 with rho = vectors:2 on inputs and outputs: at rounding
        // for vn (which commutes with turning r and v alike), far from it for the MLP.
        TrainingOptions Options(ModelKind model) => new()
        {
            VectorField = new FlowStepField(Kepler, 0.1), Samples = 300, Epochs = 1, HiddenDim = 12, HiddenLayers = 2, Model = model,
        };
        var vn = new Trainer(Options(ModelKind.VectorNeuron)).Run();
        var mlp = new Trainer(Options(ModelKind.Mlp)).Run();
        Assert.That(vn.TestSymLoss, Is.LessThan(1e-12));
        Assert.That(mlp.TestSymLoss, Is.GreaterThan(1e-6));
        Assert.That(vn.EquivarianceError.Float64, Is.LessThan(1e-13));
        // Turned states against the field at the turned states: as good as the test states themselves for vn.
        Assert.That(vn.OrbitTaskLoss, Is.EqualTo(vn.TestTaskLoss).Within(1e-5 * vn.TestTaskLoss));
        Assert.That(mlp.OrbitTaskLoss, Is.Not.EqualTo(mlp.TestTaskLoss).Within(1e-3 * mlp.TestTaskLoss));
    }

    [TestCase("invariant", "model invariant: it takes points of R^3, not states of 2 vectors")]
    [TestCase("relaxed", "model relaxed: it takes points of R^3, not states of 2 vectors")]
    public void A_model_for_points_refuses_states_in_one_line(string kind, string mentions)
    {
        Assert.That(ModelKind.TryParse(kind, out var model), Is.True);
        var error = new TrainingOptions { VectorField = new FlowStepField(Kepler, 0.1), Model = model! }.Validate();
        Assert.That(error, Does.Contain(mentions).And.Not.Contain("\n"));
    }

    [Test]
    public void Kepler_on_the_plane_is_refused_in_one_line() =>
        Assert.That(new TrainingOptions { VectorField = Kepler, Group = SymmetryGroup.So2 }.Validate(),
            Is.EqualTo("field kepler:gm=1,soft=0.1,rmin=1,rmax=2,noise=0.1,phase=1 takes states of 2 3-D vectors but group so2 acts on 2-D vectors"));
}

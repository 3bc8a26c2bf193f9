using LatentSymmetry.Core.Fields;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LatentSymmetry.Autograd.Kernels;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Optim;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Cli.Commands;

/// <summary><c>latsym profile</c>: quick speed measurements of the GEMM kernel, of a whole training step and of the rotation paths.</summary>
internal static class ProfileCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("profile",
            "Quick speed measurements (a few seconds each; build with -c Release): warm-up, then the best of 7 repeats. " +
            "For full statistics use the BenchmarkDotNet project LatentSymmetry.Benchmarks.");
        command.Subcommands.Add(Gemm(stdout));
        command.Subcommands.Add(Step(stdout));
        command.Subcommands.Add(Rotation(stdout));
        return command;
    }

    static Command Gemm(TextWriter stdout)
    {
        var m = new Option<int>("--m") { Description = "Rows of C.", DefaultValueFactory = _ => 128 };
        var n = new Option<int>("--n") { Description = "Columns of C.", DefaultValueFactory = _ => 128 };
        var k = new Option<int>("--k") { Description = "Inner dimension.", DefaultValueFactory = _ => 128 };
        var form = new Option<string>("--form") { Description = "nn: A.B, nt: A.B^T, tn: A^T.B (all row-major, float32).", DefaultValueFactory = _ => "nn" };
        form.AcceptOnlyFromAmong("nn", "nt", "tn");
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var c = new Command("gemm", "Single-threaded float32 matrix product C[m,n] = op(A) op(B): GFLOP/s (2mnk flops per product).") { m, n, k, form, json };
        c.SetAction(p =>
        {
            int mm = Positive(p.GetValue(m), "--m"), nn = Positive(p.GetValue(n), "--n"), kk = Positive(p.GetValue(k), "--k");
            CheckGemmFits(mm, nn, kk);
            var f = p.GetValue(form)!;
            var gemmForm = f switch { "nt" => GemmForm.NT, "tn" => GemmForm.TN, _ => GemmForm.NN };
            var rng = new RandomStream(1);
            var a = new float[mm * kk];
            var b = new float[kk * nn];
            var cc = new float[mm * nn];
            rng.FillUniform<float>(a, -1, 1);
            rng.FillUniform<float>(b, -1, 1);
            var t = QuickTimer.BestOf(() => LatentSymmetry.Autograd.Kernels.Gemm.Multiply<float>(gemmForm, mm, nn, kk, a, b, cc, accumulate: false));
            double gflops = 2.0 * mm * nn * kk / t.SecondsPerCall / 1e9;
            if (p.GetValue(json))
                stdout.WriteLine(JsonSerializer.Serialize(new
                {
                    kernel = "gemm", form = f, m = mm, n = nn, k = kk, gflops = Math.Round(gflops, 2), us_per_call = Math.Round(t.SecondsPerCall * 1e6, 3),
                    vector_path = VectorPath(), peak = PeakName(VectorPath()), gemm_tuning = TuningName(),
                }));
            else
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"gemm {f} m={mm} n={nn} k={kk}: {gflops:0.0} GFLOP/s ({t.SecondsPerCall * 1e6:0.0} us per product, best of 7, {KernelPath()})"));
            return 0;
        });
        return c;
    }

    static Command Step(TextWriter stdout)
    {
        var d = new TrainingOptions();
        var o = new TrainingCliOptions(d);
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var c = new Command("step", "One full training step (forward, symmetry loss, backward, AdamW) on a random batch: ms per step, GFLOP/s and bytes allocated per step.");
        foreach (var option in new Option[] { o.HiddenLayers, o.HiddenDim, o.BatchSize, o.Layer, o.LambdaMax }) c.Options.Add(option);
        foreach (var option in new Option[] { o.Group, o.Model, o.Augment, o.Field, o.LatentRep }) c.Options.Add(option);
        foreach (var option in o.Relax.All) c.Options.Add(option);
        c.Options.Add(json);
        // The step is timed on its own: no schedule and no epochs, so say what these two mean here.
        o.BatchSize.Description = "Rows of the random batch the step runs on.";
        o.LambdaMax.Description = "Penalty weight of the timed step (fixed; train's schedule does not apply).";
        o.Group.Description = "Symmetry group: so3 (points in the box [-5, 5]^3), so2 (points on the unit disk) or so2z (rotations about z; points in the box).";
        c.SetAction(p =>
        {
            var options = o.Read(p);
            var model = new Trainer(options).CreateModel();
            var optimizer = new AdamW<float>(model.Parameters(), options.Optimizer);
            var sampler = options.SymmetryLayers.IsSet ? options.Group.CreateSampler(options.Seeds.Augmentation) : null;
            // The engine a run would train with (for a vector field or --latent-rep, the equivariance penalty), and a kind's
            // own loss term (the relaxed model's branch penalty), as in training.
            var step = new TrainingStep<float>(model, optimizer, options.SymmetryLayers, sampler is null ? null : Trainer.OrbitEngineFor(options, options.Task, sampler))
            {
                Terms = ModelTerms.With<float>(options.Model, model, []),
            };
            int b = options.BatchSize, dim = options.Group.Dimension;
            var points = new float[dim * b];
            var targets = new float[b * options.Task.OutputWidth];
            var rng = new RandomStream(1);
            options.Domain.Fill<float>(rng, points);
            if (options.VectorField is { } vector) vector.EvaluateRows<float>(points, targets);
            else options.TargetField.EvaluateRows<float>(points, targets);
            double lambda = options.LambdaSymMax;
            // With --augment, each step first turns the batch as the trainer does (a fresh rotation per sample).
            var augmenter = options.Augment ? options.Group.CreateSampler(options.DataAugmentationSeed) : null;
            var turns = new float[dim * dim * b];
            var turned = new float[dim * b];
            var t = augmenter is null
                ? QuickTimer.BestOf(() => step.Run(points, targets, lambda))
                : QuickTimer.BestOf(() =>
                {
                    augmenter.Sample<float>(turns);
                    RowRotation.Apply<float>(turns, points, turned, dim);
                    step.Run(turned, targets, lambda);
                });
            double flops = StepFlops(options);
            double ms = t.SecondsPerCall * 1e3;
            if (p.GetValue(json))
                stdout.WriteLine(JsonSerializer.Serialize(new
                {
                    kernel = "step", num_hidden_layers = options.HiddenLayers, hidden_dim = options.HiddenDim, batch_size = b,
                    symmetry_layer = options.SymmetryLayers.ToString(), group = options.Group.Name, augment = options.Augment, ms_per_step = Math.Round(ms, 4),
                    mflop_per_step = Math.Round(flops / 1e6, 1), gflops = Math.Round(flops / t.SecondsPerCall / 1e9, 2),
                    bytes_allocated_per_step = t.BytesPerCall, model = ModelKindText.Format(options.Model), field = options.FieldSpec,
                    latent_rep = options.LatentVectors == 0 ? "trivial" : $"vectors:{options.LatentVectors}", vector_path = VectorPath(), peak = PeakName(VectorPath()),
                    gemm_tuning = TuningName(),
                }));
            else
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"step {(options.Model != ModelKind.Mlp ? options.Model.Name + " " : "")}{options.HiddenLayers}x{options.HiddenDim} batch {b} symmetry layer {options.SymmetryLayers} group {options.Group.Name}{(options.Augment ? " augmented" : "")}: {ms:0.000} ms per step, " +
                    $"{flops / 1e6:0.0} MFLOP, {flops / t.SecondsPerCall / 1e9:0.0} GFLOP/s, {t.BytesPerCall} bytes allocated per step ({KernelPath()})"));
            return 0;
        });
        return c;
    }

    static Command Rotation(TextWriter stdout)
    {
        var rows = new Option<int>("--batch-size") { Description = "Rows per batch (rotations drawn, points rotated).", DefaultValueFactory = _ => 128 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var c = new Command("rotation",
            "The rotation paths of a penalised step, per batch: Haar sampling (Gaussian quaternions to float matrices; a step draws " +
            "two batches), the quaternion-to-matrix part alone, RotateRows forward (as a step runs it) and forward plus backward: " +
            "us per batch and bytes allocated per call.") { rows, json };
        c.SetAction(p =>
        {
            int b = Positive(p.GetValue(rows), "--batch-size");
            var sampler = new HaarSo3Sampler(2);
            var matrices = new float[9 * b];
            var points = new float[3 * b];
            new RandomStream(3).FillUniform<float>(points, -5, 5);
            var quaternions = new UnitQuaternion[b];
            for (int i = 0; i < b; i++) quaternions[i] = sampler.NextQuaternion();
            sampler.Sample<float>(matrices);
            var tape = new LatentSymmetry.Autograd.Tape<float>();
            var x = LatentSymmetry.Autograd.Variable<float>.FromSpan(b, 3, points);
            var r = LatentSymmetry.Autograd.Variable<float>.FromSpan(b, 9, matrices);
            var xg = LatentSymmetry.Autograd.Variable<float>.FromSpan(b, 3, points, requiresGrad: true);
            var rg = LatentSymmetry.Autograd.Variable<float>.FromSpan(b, 9, matrices, requiresGrad: true);
            var results = new (string Name, QuickTimer.Measurement Time)[]
            {
                ("sample", QuickTimer.BestOf(() => sampler.Sample<float>(matrices))),
                ("quaternions_to_matrices", QuickTimer.BestOf(() =>
                {
                    for (int i = 0; i < b; i++) quaternions[i].ToMatrix<float>(matrices.AsSpan(9 * i, 9));
                })),
                ("rotate_rows_forward", QuickTimer.BestOf(() => { tape.Reset(); tape.RotateRows(x, r); })),
                ("rotate_rows_forward_backward", QuickTimer.BestOf(() =>
                {
                    tape.Reset();
                    xg.ZeroGrad();
                    rg.ZeroGrad();
                    tape.Backward(tape.Sum(tape.RotateRows(xg, rg)));
                })),
            };
            if (p.GetValue(json))
                stdout.WriteLine(JsonSerializer.Serialize(new
                {
                    kernel = "rotation", batch_size = b,
                    us_per_batch = results.ToDictionary(x => x.Name, x => Math.Round(x.Time.SecondsPerCall * 1e6, 3)),
                    bytes_allocated_per_call = results.ToDictionary(x => x.Name, x => x.Time.BytesPerCall),
                }));
            else
                foreach (var (name, t) in results)
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"rotation {name.Replace('_', ' ')} batch {b}: {t.SecondsPerCall * 1e6:0.00} us per batch, {t.BytesPerCall} bytes allocated per call (best of 7)"));
            return 0;
        });
        return c;
    }

    /// <summary>Multiply-add flops of one step: forward 2·rows·in·out per layer, backward twice that (once for the first layer, whose input needs no gradient).</summary>
    internal static double StepFlops(TrainingOptions o)
    {
        int layers = o.HiddenLayers + 1, b = o.BatchSize;
        int depth = o.SymmetryLayers.IsSet && o.LambdaSymMax != 0 ? o.SymmetryLayers.Deepest.Depth(o.HiddenLayers) : 0; // the stacked rows run to the deepest
        double total = 0;
        if (o.Model == ModelKind.VectorNeuron)
        {
            // The VN-Linear GEMMs over rows of d coordinates: the lift's 2 channels to C, then per hidden layer the VN-ReLU's
            // C x C direction map and (after the first) a C x C VN-Linear, then C to 1; forward plus two backward products.
            int d = o.Group.Dimension, c = VectorNeuronMlp<float>.ChannelsFor(o.HiddenDim, d);
            double products = 2 * c + o.HiddenLayers * (double)c * c + (o.HiddenLayers - 1) * (double)c * c + c;
            return 3 * 2.0 * b * d * products * (depth > 0 ? 3 : 1);
        }
        for (int k = 0; k < layers; k++)
        {
            int fanIn = k == 0 ? (o.Model == ModelKind.Invariant ? o.Group.InvariantCount : o.Group.Dimension) : o.HiddenDim, fanOut = k == o.HiddenLayers ? o.Task.OutputWidth : o.HiddenDim;
            int rows = k < depth ? 3 * b : b;
            double forward = 2.0 * rows * fanIn * fanOut;
            total += forward * (k == 0 ? 2 : 3);
        }
        return total;
    }

    /// <summary>Refuses sizes whose three float32 matrices exceed an array's length or the memory available.</summary>
    internal static void CheckGemmFits(int m, int n, int k)
    {
        foreach (var (rows, cols, name) in new[] { (m, k, "A (m x k)"), (k, n, "B (k x n)"), (m, n, "C (m x n)") })
            if ((long)rows * cols > Array.MaxLength)
                throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                    $"--m {m} --n {n} --k {k}: {name} would hold {(long)rows * cols} elements, more than the {Array.MaxLength} an array can"));
        double bytes = 4.0 * ((double)m * k + (double)k * n + (double)m * n);
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (bytes > available)
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--m {m} --n {n} --k {k}: the matrices need {bytes / 1e9:0.#} GB, more than the {available / 1e9:0.#} GB available"));
    }

    static int Positive(int v, string name) => v > 0 ? v : throw new UsageException($"{name} must be positive, got {v}");

    /// <summary>The widest vector width the kernels run on in this process (the environment can switch widths off).</summary>
    internal static string VectorPath() =>
        System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "Vector512" :
        System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? "Vector256" :
        System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated ? "Vector128" : "scalar";

    /// <summary>
    /// The FMA peak a figure on <paramref name="vectorPath"/> is a share of, named as measure.sh prints it ("avx512 fma",
    /// "avx2 fma"); null for the narrower paths, which it does not measure. An AVX-512 CPU run with
    /// DOTNET_EnableAVX512=0 is on the AVX2 path, whose peak may be half the AVX-512 one.
    /// </summary>
    internal static string? PeakName(string vectorPath) => vectorPath switch
    {
        "Vector512" => "avx512 fma",
        "Vector256" when System.Runtime.Intrinsics.X86.Fma.IsSupported => "avx2 fma",
        _ => null,
    };

    static string KernelPath()
    {
        string path = VectorPath(), peak = PeakName(path) is { } name ? $"compare with the {name} peak" : "no FMA peak measured for this path";
        return $"{path} path, {peak}, gemm tuning {TuningName()}";
    }

    static string TuningName() => LatentSymmetry.Autograd.Kernels.Gemm.Tuning;
}

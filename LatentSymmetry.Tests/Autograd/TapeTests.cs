using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Kernels;
using LatentSymmetry.Autograd.Ops;

namespace LatentSymmetry.Tests.Autograd;

public class TapeTests
{
    [Test]
    public void Backward_accumulates_when_a_tensor_is_used_twice()
    {
        var tape = new Tape<double>();
        var x = Variable<double>.FromSpan(1, 3, [1.0, -2.0, 3.0], requiresGrad: true);
        // f = Σ x·x + Σ (x + x) → df/dx = 2x + 2
        var f = tape.Add(tape.Sum(tape.Multiply(x, x)), tape.Sum(tape.Add(x, x)));
        tape.Backward(f);
        Assert.That(x.Grad!.ToArray(), Is.EqualTo(new[] { 4.0, -2.0, 8.0 }));
    }

    [Test]
    public void Gradients_of_leaves_accumulate_across_backward_passes_until_zeroed()
    {
        var tape = new Tape<double>();
        var x = Variable<double>.FromSpan(1, 2, [1.0, 2.0], requiresGrad: true);
        for (int i = 0; i < 2; i++)
        {
            tape.Reset();
            tape.Backward(tape.Sum(tape.Scale(x, 3.0)));
        }
        Assert.That(x.Grad!.ToArray(), Is.EqualTo(new[] { 6.0, 6.0 }));
        x.ZeroGrad();
        Assert.That(x.Grad!.ToArray(), Is.EqualTo(new[] { 0.0, 0.0 }));
    }

    [Test]
    public void NoGrad_scope_records_nothing_and_outputs_do_not_require_grad()
    {
        var tape = new Tape<float>();
        var x = Variable<float>.FromSpan(2, 2, [1f, 2f, 3f, 4f], requiresGrad: true);
        Variable<float> y;
        using (tape.NoGrad()) y = tape.Sum(tape.Relu(tape.MatMul(x, x)));
        Assert.That(tape.NodeCount, Is.Zero);
        Assert.That(y.RequiresGrad, Is.False);
        Assert.That(y.Item(), Is.EqualTo(7f + 10f + 15f + 22f));
        Assert.Throws<InvalidOperationException>(() => tape.Backward(y));
        Assert.That(tape.IsRecording, Is.True, "recording resumes after the scope");
    }

    [Test]
    public void Operations_on_tensors_without_grad_are_not_recorded()
    {
        var tape = new Tape<float>();
        var x = Variable<float>.FromSpan(1, 2, [1f, 2f]);
        tape.Relu(tape.Scale(x, 2f));
        Assert.That(tape.NodeCount, Is.Zero);
    }

    [Test]
    public void Backward_twice_on_a_consumed_tape_is_a_clear_error()
    {
        var tape = new Tape<double>();
        var x = Variable<double>.FromSpan(1, 1, [2.0], requiresGrad: true);
        var y = tape.Sum(tape.Square(x));
        tape.Backward(y);
        var e = Assert.Throws<InvalidOperationException>(() => tape.Backward(y));
        Assert.That(e!.Message, Does.Contain("Reset"));
        Assert.That(x.Grad!.Item(), Is.EqualTo(4.0), "the failed call changed nothing");
    }

    [Test]
    public void Backward_needs_a_scalar()
    {
        var tape = new Tape<double>();
        var x = Variable<double>.FromSpan(1, 2, [2.0, 3.0], requiresGrad: true);
        var e = Assert.Throws<ArgumentException>(() => tape.Backward(tape.Square(x)));
        Assert.That(e!.Message, Does.Contain("[1 x 2]"));
    }

    [Test]
    public void Shape_mismatches_name_both_shapes()
    {
        var tape = new Tape<float>();
        var a = Variable<float>.Zeros(2, 3);
        var b = Variable<float>.Zeros(3, 2);
        Assert.That(Assert.Throws<ArgumentException>(() => tape.Add(a, b))!.Message, Does.Contain("[2 x 3]").And.Contain("[3 x 2]"));
        Assert.That(Assert.Throws<ArgumentException>(() => tape.MatMul(a, a))!.Message, Does.Contain("[2 x 3]"));
        Assert.That(Assert.Throws<ArgumentException>(() => tape.AddBias(a, Variable<float>.Zeros(1, 2)))!.Message, Does.Contain("[1 x 2]"));
        Assert.That(Assert.Throws<ArgumentException>(() => tape.RotateRows(a, Variable<float>.Zeros(3, 9)))!.Message, Does.Contain("[2 x 3]").And.Contain("[3 x 9]"));
        Assert.That(Assert.Throws<ArgumentException>(() => tape.ConcatRows(a, b))!.Message, Does.Contain("[3 x 2]"));
        Assert.Throws<ArgumentOutOfRangeException>(() => tape.SliceRows(a, 1, 2));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Variable<float>.Zeros(100_000, 100_000))!.Message, Does.Contain("[100000 x 100000]"));
    }

    [Test]
    public void Forward_values_match_hand_computation()
    {
        var tape = new Tape<double>();
        var x = Variable<double>.FromSpan(2, 3, [1, 2, 3, -1, 0, 2]);
        // Rotation by 90° about z: (x, y, z) → (−y, x, z).
        var r = Variable<double>.FromSpan(2, 9, [0, -1, 0, 1, 0, 0, 0, 0, 1, 0, -1, 0, 1, 0, 0, 0, 0, 1]);
        Assert.That(tape.RotateRows(x, r).ToArray(), Is.EqualTo(new double[] { -2, 1, 3, 0, -1, 2 }));
        Assert.That(tape.Relu(x).ToArray(), Is.EqualTo(new double[] { 1, 2, 3, 0, 0, 2 }));
        Assert.That(tape.AddBias(x, Variable<double>.FromSpan(1, 3, [10, 20, 30])).ToArray(), Is.EqualTo(new double[] { 11, 22, 33, 9, 20, 32 }));
        Assert.That(tape.SumRows(x).ToArray(), Is.EqualTo(new double[] { 6, 1 }));
        Assert.That(tape.MeanRows(x).ToArray(), Is.EqualTo(new double[] { 2, 1.0 / 3 }));
        Assert.That(tape.Mean(x).Item(), Is.EqualTo(7.0 / 6));
        var p = Variable<double>.FromSpan(3, 1, [1, 2, 3]);
        var t = Variable<double>.FromSpan(3, 1, [1, 0, 6]);
        Assert.That(tape.MseLoss(p, t).Item(), Is.EqualTo((0 + 4 + 9) / 3.0));
        Assert.That(tape.SliceRows(tape.ConcatRows(x, x, x), 2, 2).ToArray(), Is.EqualTo(x.ToArray()));
    }

    [Test]
    public void A_warm_training_step_allocates_nothing()
    {
        var d = new TestData(7);
        var tape = new Tape<float>();
        var x = d.Variable<float>(64, 3);
        var y = d.Variable<float>(64, 1);
        var r = Variable<float>.FromSpan(64, 9, d.Rotations(64).Select(v => (float)v).ToArray());
        Variable<float>[] w = [d.Variable<float>(32, 3, true), d.Variable<float>(32, 32, true), d.Variable<float>(1, 32, true)];
        Variable<float>[] b = [d.Variable<float>(1, 32, true), d.Variable<float>(1, 32, true), d.Variable<float>(1, 1, true)];

        void Step()
        {
            tape.Reset();
            foreach (var p in w) p.ZeroGrad();
            foreach (var p in b) p.ZeroGrad();
            var all = tape.ConcatRows(x, tape.RotateRows(x, r));
            var h = tape.Relu(tape.AddBias(tape.MatMul(all, w[0], GemmForm.NT), b[0]));
            h = tape.Relu(tape.AddBias(tape.MatMul(h, w[1], GemmForm.NT), b[1]));
            var outAll = tape.AddBias(tape.MatMul(h, w[2], GemmForm.NT), b[2]);
            var task = tape.MseLoss(tape.SliceRows(outAll, 0, 64), y);
            var sym = tape.Mean(tape.Square(tape.Subtract(tape.SliceRows(h, 0, 64), tape.SliceRows(h, 64, 64))));
            tape.Backward(tape.Add(task, tape.Scale(sym, 0.5f)));
        }

        for (int i = 0; i < 3; i++) Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) Step();
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
    [Test]
    public void Backward_with_a_consumer_hands_over_each_leaf_once_with_its_final_gradient()
    {
        // w is used by the first and the last operation, so its gradient is final only at the very end;
        // b only by the last, so it is finished first. c does not require grad and is never handed over.
        static (Variable<double> W, Variable<double> B, Variable<double> Loss) Record(Tape<double> tape)
        {
            var w = Variable<double>.FromSpan(2, 2, [1.0, -2.0, 0.5, 3.0], requiresGrad: true);
            var b = Variable<double>.FromSpan(1, 2, [0.25, -1.0], requiresGrad: true);
            var c = Variable<double>.FromSpan(2, 2, [2.0, 1.0, -1.0, 4.0]);
            var h = tape.Relu(tape.MatMul(c, w));
            var loss = tape.Sum(tape.Multiply(tape.AddBias(tape.MatMul(h, w), b), tape.Square(h)));
            return (w, b, loss);
        }
        var plainTape = new Tape<double>();
        var plain = Record(plainTape);
        plainTape.Backward(plain.Loss);

        var tape = new Tape<double>();
        var fused = Record(tape);
        var consumer = new RecordingConsumer();
        tape.Backward(fused.Loss, consumer);

        Assert.That(consumer.Events, Is.EqualTo(new[] { "begin", "leaf 1x2", "leaf 2x2", "end" }));
        Assert.That(consumer.Snapshots[0], Is.EqualTo(plain.B.Grad!.ToArray()), "b's gradient when handed over");
        Assert.That(consumer.Snapshots[1], Is.EqualTo(plain.W.Grad!.ToArray()), "w's gradient when handed over");
        Assert.That(fused.W.Grad!.ToArray(), Is.EqualTo(plain.W.Grad!.ToArray()));
    }

    sealed class RecordingConsumer : IGradientConsumer<double>
    {
        public List<string> Events { get; } = [];
        public List<double[]> Snapshots { get; } = [];
        public void BeginBackward() => Events.Add("begin");
        public void GradientFinished(Variable<double> leaf)
        {
            Events.Add($"leaf {leaf.Rows}x{leaf.Cols}");
            Snapshots.Add(leaf.Grad!.ToArray());
        }
        public void EndBackward() => Events.Add("end");
    }
}

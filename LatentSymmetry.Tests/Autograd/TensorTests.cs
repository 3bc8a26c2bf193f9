using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;

namespace LatentSymmetry.Tests.Autograd;

public class TensorTests
{
    [Test]
    public void Storage_starts_on_a_cache_line_for_leaves_gradients_and_tape_outputs()
    {
        var tape = new Tape<float>();
        var w = Variable<float>.FromSpan(3, 5, Enumerable.Range(0, 15).Select(i => (float)i).ToArray(), requiresGrad: true);
        var x = Variable<float>.Zeros(7, 3);
        // Odd sizes, so that a packed allocator would put the next buffer off the line.
        var outputs = new List<Variable<float>>();
        for (int step = 0; step < 2; step++)
        {
            tape.Reset();
            var y = tape.MatMul(x, w);
            var z = tape.Relu(tape.Scale(y, 3f));
            tape.Backward(tape.Sum(z));
            outputs.AddRange([y, z]);
        }
        foreach (var t in outputs.Append(w).Append(w.Grad!).Append(x))
            Assert.That(Address(t) % 64, Is.Zero, t.ToString());
        Assert.That(w.ToArray(), Is.EqualTo(Enumerable.Range(0, 15).Select(i => (float)i).ToArray()), "values copied to the aligned storage");
    }

    private static unsafe long Address(Variable<float> t) => (long)Unsafe.AsPointer(ref MemoryMarshal.GetReference(t.Span));
}

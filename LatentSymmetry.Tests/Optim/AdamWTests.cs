using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Optim;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Optim;

public class AdamWTests
{
    [Test]
    public void Step_inside_backward_gives_the_same_bits_as_step_after_backward()
    {
        // An extra parameter the loss never uses must still decay (a zero gradient), as Step does.
        (Mlp<float> Model, Variable<float> Unused, AdamW<float> Optimizer) Make()
        {
            var model = new Mlp<float>(3, 16, 2, 1);
            model.Initialize(new RandomStream(5));
            var unused = Variable<float>.FromSpan(1, 3, [1f, -2f, 0.5f], requiresGrad: true);
            var parameters = model.NamedParameters().Select(p => p.Tensor).Append(unused);
            return (model, unused, new AdamW<float>(parameters, AdamWOptions.Default with { WeightDecay = 0.1 }));
        }
        var after = Make();
        var inside = Make();
        var x = Variable<float>.Zeros(8, 3);
        new RandomStream(6).FillUniform(x.Span, -2.0, 2.0);
        var tape = new Tape<float>();
        for (int step = 0; step < 4; step++)
        {
            foreach (var (model, _, optimizer) in new[] { after, inside })
            {
                tape.Reset();
                optimizer.ZeroGrad();
                var loss = tape.Mean(tape.Square(model.Forward(tape, x)));
                if (ReferenceEquals(optimizer, after.Optimizer))
                {
                    tape.Backward(loss);
                    optimizer.Step();
                }
                else tape.Backward(loss, optimizer);
            }
        }
        Assert.That(inside.Optimizer.StepCount, Is.EqualTo(4));
        var expected = after.Model.NamedParameters().Select(p => p.Tensor.ToArray()).Append(after.Unused.ToArray()).ToArray();
        var actual = inside.Model.NamedParameters().Select(p => p.Tensor.ToArray()).Append(inside.Unused.ToArray()).ToArray();
        for (int i = 0; i < expected.Length; i++)
            Assert.That(actual[i], Is.EqualTo(expected[i]), $"parameter {i}");
        Assert.That(inside.Unused.ToArray(), Is.Not.EqualTo(new[] { 1f, -2f, 0.5f }), "the unused parameter decayed");
    }
}

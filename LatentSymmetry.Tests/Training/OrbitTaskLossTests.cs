using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Training;

public class OrbitTaskLossTests
{
    // A model whose output is the constant c: zero weights, output bias c.
    static Mlp<double> Constant(int inputs, double c)
    {
        var m = new Mlp<double>(inputs, 4, 1, 1);
        m.Layers[1].Bias.Span[0] = c;
        return m;
    }

    [Test]
    public void For_a_constant_model_it_is_the_mean_square_of_c_minus_the_field_at_independently_turned_points()
    {
        var field = FieldCatalog.Parse("x");
        var data = new FieldDataset<double>(3, 700, SamplingDomain.Disk(1), field, TrainRegion.Full);
        var split = data.Test;
        const double c = 0.25;
        double loss = new Evaluator<double>().OrbitTaskLoss(Constant(2, c), split, field, SymmetryGroup.So2, 77);

        // Independently: the same sampler stream, one angle per point in order, x' = cos θ x − sin θ y.
        var sampler = new HaarSo2Sampler(new RandomStream(77));
        double sum = 0;
        for (int i = 0; i < split.Count; i++)
        {
            double angle = sampler.NextAngle();
            double x = split.Points[2 * i], y = split.Points[2 * i + 1];
            double turned = Math.Cos(angle) * x - Math.Sin(angle) * y;
            sum += (c - turned) * (c - turned);
        }
        Assert.That(loss, Is.EqualTo(sum / split.Count).Within(1e-12));
    }

    [Test]
    public void For_an_invariant_field_and_a_constant_model_it_equals_the_test_loss()
    {
        var data = new FieldDataset<double>(3, 700);
        var model = Constant(3, 0.1);
        var evaluator = new Evaluator<double>();
        double test = evaluator.Evaluate(model, data.Test, SymmetryLayer.None, SymmetryGroup.So3, 0).Task;
        double orbit = evaluator.OrbitTaskLoss(model, data.Test, data.Field!, SymmetryGroup.So3, 5);
        Assert.That(orbit / test, Is.EqualTo(1).Within(1e-12));
    }
}

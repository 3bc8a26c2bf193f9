using LatentSymmetry.Core.Fields;

namespace LatentSymmetry.Tests.Discovery;

public class FieldGradientTests
{
    static IEnumerable<string> Specs() => FieldCatalog.All.Select(d => d.Name)
        .Concat(["broken:eps=0.3", "linear:a=-1;0.5;2", "changing:eps=0.2,radius=1,width=1"])
        .Where(s => FieldCatalog.Parse(s) is IDifferentiableField);

    [TestCaseSource(nameof(Specs))]
    public void The_closed_form_gradient_matches_central_differences(string spec)
    {
        var field = (IDifferentiableField)FieldCatalog.Parse(spec);
        int n = field.Dimension;
        var rng = new TestData(8);
        var g = new double[n];
        for (int i = 0; i < 300; i++)
        {
            var p = Enumerable.Range(0, n).Select(_ => rng.Uniform(-2.5, 2.5)).ToArray();
            field.Gradient(p, g);
            for (int a = 0; a < n; a++)
            {
                double h = 1e-5, x = p[a];
                p[a] = x + h; double up = field.Evaluate(p);
                p[a] = x - h; double down = field.Evaluate(p);
                p[a] = x;
                Assert.That(g[a], Is.EqualTo((up - down) / (2 * h)).Within(1e-6 * Math.Max(1, Math.Abs(g[a]))), $"{spec} at ({string.Join(", ", p)}), coordinate {a}");
            }
        }
    }
}

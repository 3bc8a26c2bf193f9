using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Kernels;
using LatentSymmetry.Core.Invariance;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Benchmarks;

/// <summary>
/// Synthetic activations of the kind a ReLU layer of a 3-D input produces: relu(W·p + b) of random points
/// p, of two random turns of them about the z axis, and of the MI pairs (turns by the K SO(2) angles). Their
/// spectrum decays as a real layer's does (a handful of principal components hold 95%), unlike white noise.
/// </summary>
internal sealed class SyntheticLayers
{
    public SyntheticLayers(int points, int width, int layers, int pairsPerPoint, int classCount, int seed)
    {
        var stream = new RandomStream(seed);
        var plan = RelativeRotationClasses.So2Pairs(points, pairsPerPoint, classCount, seed + 1);
        Classes = plan.Classes;
        var x = Plane(stream, points);
        var turned1 = Turn(x, stream);
        var turned2 = Turn(x, stream);
        var firsts = new float[3 * points * pairsPerPoint];
        var seconds = new float[3 * points * pairsPerPoint];
        for (int r = 0; r < points * pairsPerPoint; r++)
        {
            int j = r / pairsPerPoint;
            RotateZ(x.AsSpan(3 * j, 3), RelativeRotationClasses.So2Angle(plan.First[r], classCount), firsts.AsSpan(3 * r, 3));
            RotateZ(x.AsSpan(3 * j, 3), RelativeRotationClasses.So2Angle(plan.Second[r], classCount), seconds.AsSpan(3 * r, 3));
        }
        Layers = new Layer[layers];
        for (int l = 0; l < layers; l++)
        {
            var w = new float[width * 3];
            var b = new float[width];
            stream.FillUniform<float>(w, -1, 1);
            stream.FillUniform<float>(b, -0.5, 0.5);
            Layers[l] = new Layer(Features(x, w, b), Features(turned1, w, b), Features(turned2, w, b), Features(firsts, w, b), Features(seconds, w, b));
        }
    }

    /// <summary>One layer: h(x), h(g1 x), h(g2 x) for the points, and the MI pairs.</summary>
    public sealed record Layer(Variable<float> Clean, Variable<float> Turned1, Variable<float> Turned2, Variable<float> First, Variable<float> Second);

    /// <summary>The layers.</summary>
    public Layer[] Layers { get; }

    /// <summary>The class (i2 − i1) mod K of every MI pair.</summary>
    public int[] Classes { get; }

    static float[] Plane(RandomStream s, int n)
    {
        var p = new float[3 * n];
        s.FillUniform<float>(p, -1, 1);
        return p;
    }

    static float[] Turn(float[] x, RandomStream s)
    {
        var y = new float[x.Length];
        for (int j = 0; j < x.Length / 3; j++) RotateZ(x.AsSpan(3 * j, 3), 2 * Math.PI * s.NextDouble(), y.AsSpan(3 * j, 3));
        return y;
    }

    static void RotateZ(ReadOnlySpan<float> p, double angle, Span<float> q)
    {
        double c = Math.Cos(angle), s = Math.Sin(angle);
        q[0] = (float)(c * p[0] - s * p[1]);
        q[1] = (float)(s * p[0] + c * p[1]);
        q[2] = p[2];
    }

    static Variable<float> Features(float[] points, float[] w, float[] b)
    {
        int n = points.Length / 3;
        int width = w.Length / 3;
        var h = new float[n * width];
        Gemm.Multiply<float>(GemmForm.NT, n, width, 3, points, w, h, accumulate: false);
        for (int i = 0; i < n; i++)
            for (int c = 0; c < width; c++) h[i * width + c] = Math.Max(0, h[i * width + c] + b[c]);
        return Variable<float>.FromSpan(n, width, h);
    }
}

using BenchmarkDotNet.Attributes;
using LatentSymmetry.Core.Invariance;

namespace LatentSymmetry.Benchmarks;

/// <summary>
/// The invariance measures of one evaluation on synthetic 2000 x 128 activations (see
/// <see cref="SyntheticLayers"/>): SL, Q_h, Q and RSL with 1000-resample bootstrap intervals, and MI
/// (its classifier trained on 6400 pairs and evaluated on 1600), per layer and for seven layers.
/// </summary>
[MemoryDiagnoser]
public class InvarianceBenchmarks
{
    const int Points = 2000, Width = 128, Layers = 7, PairsPerPoint = 4, Classes = 16;

    SyntheticLayers _data = null!;

    [GlobalSetup]
    public void Setup() => _data = new SyntheticLayers(Points, Width, Layers, PairsPerPoint, Classes, seed: 11);

    /// <summary>Everything the measures of a 6x128 evaluate compute: seven layers, all measures, MI included.</summary>
    [Benchmark]
    public double AllMeasuresSevenLayers()
    {
        double s = 0;
        foreach (var layer in _data.Layers)
        {
            var m = InvarianceMeasures.Measure(layer.Clean, layer.Turned1, layer.Turned2);
            var mi = RotationInformation.Estimate(layer.First, layer.Second, _data.Classes, Classes, PairsPerPoint);
            s += m.Q.Value + mi.MI.Value;
        }
        return s;
    }

    /// <summary>SL, Q_h, Q and RSL with intervals for one layer.</summary>
    [Benchmark]
    public double MeasuresOneLayer()
    {
        var layer = _data.Layers[2];
        return InvarianceMeasures.Measure(layer.Clean, layer.Turned1, layer.Turned2).Q.Value;
    }

    /// <summary>MI for one layer.</summary>
    [Benchmark]
    public double MutualInformationOneLayer()
    {
        var layer = _data.Layers[2];
        return RotationInformation.Estimate(layer.First, layer.Second, _data.Classes, Classes, PairsPerPoint).MI.Value;
    }
}

using System.Runtime.InteropServices;
using LatentSymmetry.Autograd.Kernels;
using MathNet.Numerics.Random;

namespace LatentSymmetry.Tests.Kernels;

public class GemmTuningTests
{
    // The presets, and extremes: a k-block of one step, an odd depth that splits every chain many times,
    // and A packed however narrow the product.
    private static readonly GemmTuning[] AllTunings =
    [
        .. GemmTuning.Presets,
        new GemmTuning("kc=1, packed", Kc: 1, PackA: true, PackAMinPanels: 0),
        new GemmTuning("kc=7, packed", Kc: 7, PackA: true, PackAMinPanels: 0),
        new GemmTuning("kc=64, in place", Kc: 64, PackA: false, PackAMinPanels: 0),
    ];

    private static IEnumerable<string> Tunings() => AllTunings.Select(t => t.Name);

    // Tile and block edges: leftover rows of every kernel, k across several blocks (more than 256), and
    // wide enough (8 B panels and more) to pack A.
    private static readonly (int M, int N, int K)[] Shapes = [(61, 300, 260), (13, 260, 65), (300, 4, 7), (5, 33, 17), (1, 1, 1)];

    [Test]
    public void Every_tuning_gives_the_bits_of_Reference(
        [ValueSource(nameof(Tunings))] string tuningName, [Values] GemmForm form, [Values] bool accumulate)
    {
        // The widest path here; CI reruns the kernel tests with each narrower one.
        var tuning = AllTunings.Single(t => t.Name == tuningName);
        var path = GemmPath.Auto;
        var saved = GemmTuning.Current;
        try
        {
            GemmTuning.Current = tuning;
            var rng = new Xoshiro256StarStar(31 + (int)form);
            foreach (var (m, n, k) in Shapes)
            {
                Check<float>(rng, tuning, form, accumulate, path, m, n, k);
                Check<double>(rng, tuning, form, accumulate, path, m, n, k);
            }
        }
        finally
        {
            GemmTuning.Current = saved;
        }
    }

    [Test]
    public void The_environment_overrides_the_preset_and_its_depth_and_packing()
    {
        string?[] saved = [Environment.GetEnvironmentVariable(GemmTuning.PresetVariable),
            Environment.GetEnvironmentVariable(GemmTuning.KcVariable), Environment.GetEnvironmentVariable(GemmTuning.PackAVariable)];
        try
        {
            Environment.SetEnvironmentVariable(GemmTuning.PresetVariable, "intel");
            Environment.SetEnvironmentVariable(GemmTuning.KcVariable, "96");
            Environment.SetEnvironmentVariable(GemmTuning.PackAVariable, "0");
            var t = GemmTuning.FromEnvironment(GemmTuning.Amd);
            Assert.That((t.Name, t.Kc, t.PackA), Is.EqualTo(("intel, kc=96, pack-a=0", 96, false)));

            // Values that are not a preset, a positive integer, or 0/1 are ignored.
            Environment.SetEnvironmentVariable(GemmTuning.PresetVariable, "pentium");
            Environment.SetEnvironmentVariable(GemmTuning.KcVariable, "-5");
            Environment.SetEnvironmentVariable(GemmTuning.PackAVariable, "yes");
            Assert.That(GemmTuning.FromEnvironment(GemmTuning.Amd), Is.SameAs(GemmTuning.Amd));
        }
        finally
        {
            Environment.SetEnvironmentVariable(GemmTuning.PresetVariable, saved[0]);
            Environment.SetEnvironmentVariable(GemmTuning.KcVariable, saved[1]);
            Environment.SetEnvironmentVariable(GemmTuning.PackAVariable, saved[2]);
        }
    }

    [Test]
    public void The_preset_follows_the_vendor()
    {
        Assert.That(GemmTuning.ForCpu(intel: true), Is.SameAs(GemmTuning.Intel));
        Assert.That(GemmTuning.ForCpu(intel: false), Is.SameAs(GemmTuning.Amd));
        Assert.That(GemmTuning.Presets.Select(t => t.Name), Is.Unique);
    }

    private static void Check<T>(Xoshiro256StarStar rng, GemmTuning tuning, GemmForm form, bool accumulate, GemmPath path, int m, int n, int k)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        T[] a = Random<T>(rng, m * k), b = Random<T>(rng, k * n), c = Random<T>(rng, m * n);
        T[] expected = (T[])c.Clone();
        Gemm.Multiply<T>(path, form, m, n, k, a, b, c, accumulate);
        Gemm.Reference<T>(form, m, n, k, a, b, expected, accumulate);
        Assert.That(MemoryMarshal.AsBytes(c.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(expected.AsSpan())), Is.True,
            $"{typeof(T).Name} {form} {m}x{n}x{k} accumulate={accumulate} {path} with {tuning.Name}");
    }

    private static T[] Random<T>(Xoshiro256StarStar rng, int length) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var values = new T[length];
        for (int i = 0; i < length; i++) values[i] = T.CreateTruncating(rng.NextDouble() * 2 - 1);
        return values;
    }
}

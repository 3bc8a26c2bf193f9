using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Data;

public class RandomStreamTests
{
    [Test]
    public void Xoshiro256StarStar_reproduces_the_published_vector_from_state_1_2_3_4()
    {
        // Published outputs of the reference xoshiro256starstar.c from state {1, 2, 3, 4}
        // (the test vector of the reference implementations, e.g. Rust's rand_xoshiro).
        var stream = new RandomStream(1, 2, 3, 4);
        ulong[] expected =
        [
            11520, 0, 1509978240, 1215971899390074240, 1216172134540287360,
            607988272756665600, 16172922978634559625, 8476171486693032832,
            10595114339597558777, 2904607092377533576,
        ];
        foreach (ulong e in expected)
            Assert.That(stream.NextUInt64(), Is.EqualTo(e));
    }

    [Test]
    public void SplitMix64_reproduces_its_published_outputs_from_zero()
    {
        ulong state = 0;
        ulong[] expected = [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F, 0xF88BB8A8724C81EC];
        foreach (ulong e in expected)
            Assert.That(RandomStream.SplitMix64(ref state), Is.EqualTo(e));
    }

    [Test]
    public void Seed_42_gives_the_pinned_first_draws()
    {
        // Pinned from an independent Python transcription of the reference C code (splitmix64.c seeding
        // four words from 42, then xoshiro256starstar.c next()); doubles are (x >> 11) * 2**-53.
        var words = new RandomStream(42);
        Assert.That(words.NextUInt64(), Is.EqualTo(1546998764402558742UL));
        Assert.That(words.NextUInt64(), Is.EqualTo(6990951692964543102UL));
        Assert.That(words.NextUInt64(), Is.EqualTo(12544586762248559009UL));
        Assert.That(words.NextUInt64(), Is.EqualTo(17057574109182124193UL));

        var doubles = new RandomStream(42);
        Assert.That(doubles.NextDouble(), Is.EqualTo(0.08386297105988216));
        Assert.That(doubles.NextDouble(), Is.EqualTo(0.3789802506626686));
        Assert.That(doubles.NextDouble(), Is.EqualTo(0.6800434110281394));
        Assert.That(doubles.NextDouble(), Is.EqualTo(0.9246929453253876));
    }

    [Test]
    public void Negative_seed_is_sign_extended_into_splitmix()
    {
        // Same Python transcription, SplitMix64 started at 2**64 - 1.
        var stream = new RandomStream(-1);
        Assert.That(stream.NextUInt64(), Is.EqualTo(10328197420357168392UL));
        Assert.That(stream.NextUInt64(), Is.EqualTo(14156678507024973869UL));
    }

    [Test]
    public void Jump_matches_the_reference_jump_polynomial()
    {
        // Same Python transcription of the reference jump() (constants 0x180ec6d33cfd0aba, ...).
        var fromState = new RandomStream(1, 2, 3, 4);
        fromState.Jump();
        Assert.That(fromState.NextUInt64(), Is.EqualTo(13534147089533256664UL));
        Assert.That(fromState.NextUInt64(), Is.EqualTo(7126240192422241655UL));

        var fromSeed = new RandomStream(42);
        fromSeed.Jump();
        Assert.That(fromSeed.NextUInt64(), Is.EqualTo(5766981335298035530UL));
        Assert.That(fromSeed.NextUInt64(), Is.EqualTo(13414075677763163907UL));
    }

    [Test]
    public void Same_seed_gives_the_same_sequence_and_another_seed_does_not()
    {
        RandomStream a = new(7), b = new(7), c = new(8);
        bool anyDifferent = false;
        for (int i = 0; i < 1000; i++)
        {
            double x = a.NextGaussian(), y = b.NextGaussian(), z = c.NextGaussian();
            Assert.That(y, Is.EqualTo(x));
            anyDifferent |= x != z;
        }
        Assert.That(anyDifferent, Is.True);
    }

    [Test]
    public void NextDouble_and_NextUniform_stay_in_range()
    {
        var stream = new RandomStream(3);
        for (int i = 0; i < 10_000; i++)
        {
            Assert.That(stream.NextDouble(), Is.GreaterThanOrEqualTo(0.0).And.LessThan(1.0));
            Assert.That(stream.NextUniform(-2, 3), Is.InRange(-2.0, 3.0));
        }
    }

    [Test]
    public void Gaussian_has_mean_0_and_variance_1_within_5_sigma_at_100k_samples()
    {
        const int n = 100_000;
        var stream = new RandomStream(11);
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double x = stream.NextGaussian();
            sum += x;
            sumSquares += x * x;
        }
        double mean = sum / n, secondMoment = sumSquares / n;
        // sd of the mean is 1/√n; of the mean square, √(Var x²) / √n = √2 / √n.
        Assert.That(Math.Abs(mean), Is.LessThan(5 / Math.Sqrt(n)));
        Assert.That(Math.Abs(secondMoment - 1), Is.LessThan(5 * Math.Sqrt(2.0 / n)));
    }

    [Test]
    public void FillGaussian_float_rounds_the_double_draws()
    {
        var doubles = new double[101];
        var floats = new float[101];
        new RandomStream(5).FillGaussian<double>(doubles);
        new RandomStream(5).FillGaussian<float>(floats);
        for (int i = 0; i < doubles.Length; i++)
            Assert.That(floats[i], Is.EqualTo((float)doubles[i]));
    }

    [Test]
    public void FillUniform_stays_in_the_interval_and_matches_NextUniform()
    {
        var values = new double[1000];
        new RandomStream(9).FillUniform<double>(values, -5, 5);
        var stream = new RandomStream(9);
        foreach (double x in values)
            Assert.That(x, Is.EqualTo(stream.NextUniform(-5, 5)));
        Assert.That(values, Is.All.InRange(-5.0, 5.0));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(17)]
    [TestCase(6000)]
    public void Permutation_is_a_permutation(int n)
    {
        int[] p = new RandomStream(n).Permutation(n);
        Assert.That(p.Order(), Is.EqualTo(Enumerable.Range(0, n)));
    }

    [Test]
    public void Permutation_of_three_visits_all_six_orders_about_equally()
    {
        const int draws = 60_000;
        var counts = new Dictionary<string, int>();
        var stream = new RandomStream(21);
        Span<int> p = stackalloc int[3];
        for (int i = 0; i < draws; i++)
        {
            stream.Permutation(p);
            string key = $"{p[0]}{p[1]}{p[2]}";
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        Assert.That(counts, Has.Count.EqualTo(6));
        double expected = draws / 6.0, sd = Math.Sqrt(draws * (1 / 6.0) * (5 / 6.0));
        Assert.That(counts.Values, Is.All.InRange(expected - 5 * sd, expected + 5 * sd));
    }

    [Test]
    public void NextInt_is_unbiased_over_a_non_power_of_two_range()
    {
        const int n = 70_000, range = 7;
        var counts = new int[range];
        var stream = new RandomStream(4);
        for (int i = 0; i < n; i++)
            counts[stream.NextInt(range)]++;
        double expected = n / (double)range, sd = Math.Sqrt(n * (1.0 / range) * (1 - 1.0 / range));
        Assert.That(counts, Is.All.InRange(expected - 5 * sd, expected + 5 * sd));
    }

    [Test]
    public void Fills_allocate_nothing()
    {
        var stream = new RandomStream(1);
        var floats = new float[64];
        var doubles = new double[64];
        var ints = new int[64];
        stream.FillGaussian<float>(floats);
        stream.FillUniform<double>(doubles, -1, 1);
        stream.Permutation(ints);
        long before = GC.GetAllocatedBytesForCurrentThread();
        stream.FillGaussian<float>(floats);
        stream.FillGaussian<double>(doubles);
        stream.FillUniform<float>(floats, -1, 1);
        stream.FillUniform<double>(doubles, -1, 1);
        stream.Permutation(ints);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void Invalid_arguments_name_the_value()
    {
        var stream = new RandomStream(1);
        Assert.That(() => stream.NextInt(0), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => stream.NextUniform(1, 0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("lo = 1"));
        Assert.That(() => new RandomStream(0, 0, 0, 0), Throws.ArgumentException);
    }
}

using System.Numerics;

namespace LatentSymmetry.Core.Seeding;

/// <summary>
/// The project's one source of random numbers: xoshiro256** (Blackman and Vigna, 2018, the reference
/// algorithm at https://prng.di.unimi.it/xoshiro256starstar.c), implemented here and seeded by four
/// outputs of SplitMix64, as the authors recommend. Only integer operations and correctly rounded IEEE
/// arithmetic produce the raw words, uniforms, integers and permutations, so they are bit-identical on
/// every machine and .NET version. Gaussians add one <see cref="CrMath.Log(double)"/> per pair (correctly
/// rounded, not the platform libm) and are bit-identical everywhere too.
/// Not thread-safe: give each consumer its own stream.
/// </summary>
public sealed class RandomStream
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareGaussian;
    private bool _hasSpareGaussian;

    /// <summary>
    /// A stream whose state is the next four outputs of SplitMix64 started at <paramref name="seed"/>
    /// (sign-extended to 64 bits).
    /// </summary>
    public RandomStream(int seed)
    {
        ulong sm = unchecked((ulong)(long)seed);
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    /// <summary>A stream with the given raw xoshiro256** state (not all zero); used to check the published vectors.</summary>
    internal RandomStream(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
            throw new ArgumentException("The xoshiro256** state must not be all zero.", nameof(s0));
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>One SplitMix64 step (Steele, Lea and Flood, 2014): advances <paramref name="state"/> and returns its mix.</summary>
    internal static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E37_79B9_7F4A_7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>
    /// Advances the stream by 2^128 draws (the reference jump polynomial), giving a sequence that does not
    /// overlap the one it came from for any practical length.
    /// </summary>
    public void Jump()
    {
        ReadOnlySpan<ulong> jump = [0x180EC6D33CFD0ABAUL, 0xD5A61266F0C9392CUL, 0xA9582618E03FC9AAUL, 0x39ABDC4529B1661CUL];
        ulong s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        foreach (ulong word in jump)
            for (int b = 0; b < 64; b++)
            {
                if ((word & (1UL << b)) != 0)
                {
                    s0 ^= _s0;
                    s1 ^= _s1;
                    s2 ^= _s2;
                    s3 ^= _s3;
                }
                NextUInt64();
            }
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
        _hasSpareGaussian = false;
    }

    /// <summary>A uniform double in [0, 1): the top 53 bits of <see cref="NextUInt64"/> times 2^-53.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>lo + (hi - lo)·u with u from <see cref="NextDouble"/>; in [lo, hi), hi reachable only by rounding.</summary>
    public double NextUniform(double lo, double hi)
    {
        CheckInterval(lo, hi);
        return lo + (hi - lo) * NextDouble();
    }

    /// <summary>An unbiased integer in [0, <paramref name="maxExclusive"/>) by Lemire's multiply-and-reject method.</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        ulong n = (ulong)maxExclusive;
        ulong high = Math.BigMul(NextUInt64(), n, out ulong low);
        if (low < n)
        {
            ulong threshold = (0 - n) % n;
            while (low < threshold)
                high = Math.BigMul(NextUInt64(), n, out low);
        }
        return (int)high;
    }

    /// <summary>
    /// A standard normal draw by Marsaglia's polar method; each accepted pair yields two draws, the second
    /// kept for the next call.
    /// </summary>
    public double NextGaussian()
    {
        if (_hasSpareGaussian)
        {
            _hasSpareGaussian = false;
            return _spareGaussian;
        }
        double u, v, s;
        do
        {
            // 2u - 1 is exact: u is a multiple of 2^-53 in [0, 1).
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.Sqrt(-2 * CrMath.Log(s) / s);
        _spareGaussian = v * factor;
        _hasSpareGaussian = true;
        return u * factor;
    }

    /// <summary>Shuffles <paramref name="items"/> in place by Fisher–Yates (Durstenfeld), last position first.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Fills <paramref name="destination"/> with a uniform random permutation of 0..Length-1.</summary>
    public void Permutation(Span<int> destination)
    {
        for (int i = 0; i < destination.Length; i++)
            destination[i] = i;
        Shuffle(destination);
    }

    /// <summary>A new uniform random permutation of 0..<paramref name="n"/>-1.</summary>
    public int[] Permutation(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var result = new int[n];
        Permutation(result);
        return result;
    }

    /// <summary>Fills <paramref name="destination"/> with <see cref="NextUniform"/> draws, computed in double and rounded to T.</summary>
    public void FillUniform<T>(Span<T> destination, double lo, double hi)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckInterval(lo, hi);
        double width = hi - lo;
        for (int i = 0; i < destination.Length; i++)
            destination[i] = T.CreateTruncating(lo + width * NextDouble());
    }

    /// <summary>Fills <paramref name="destination"/> with <see cref="NextGaussian"/> draws rounded to T.</summary>
    public void FillGaussian<T>(Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < destination.Length; i++)
            destination[i] = T.CreateTruncating(NextGaussian());
    }

    private static void CheckInterval(double lo, double hi)
    {
        if (!double.IsFinite(lo) || !double.IsFinite(hi) || !(lo <= hi))
            throw new ArgumentOutOfRangeException(nameof(hi), hi, $"Need finite lo <= hi; got lo = {lo}, hi = {hi}.");
    }
}

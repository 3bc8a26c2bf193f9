using System.Globalization;
using System.Runtime.Intrinsics.X86;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>
/// The cache blocking of <see cref="GemmPacked"/>, picked per CPU (CPUID vendor) at start-up. None of it changes a bit
/// of the result (a k-block boundary only stores and reloads the running sum exactly; packing only
/// copies), so the choice is free to follow the cache sizes.
/// </summary>
/// <param name="Name">The preset's name ("amd", "intel"), with any override appended, for profiles and benchmarks.</param>
/// <param name="Kc">Depth of a k-block: the packed B panel, <c>Kc·NR</c> elements, should fill at most about half of L1 so the broadcast rows of A and the C tile stay beside it.</param>
/// <param name="PackA">
/// Copy the full row panels of A into [p][MR] panels when there are at least <see cref="PackAMinPanels"/>
/// B panels to reuse them across. In place, a panel's 12 rows lie a row stride apart; when that stride is
/// a multiple of 1 KiB (k = 256, 512, ...) they fall into a handful of L1 sets and evict B's panel.
/// </param>
/// <param name="PackAMinPanels">B panels (of NR columns) across which a packed A panel must be reused to repay its copy.</param>
internal sealed record GemmTuning(string Name, int Kc, bool PackA, int PackAMinPanels)
{
    /// <summary>The environment variable that picks a preset by name (amd, intel) instead of the CPU's.</summary>
    public const string PresetVariable = "LATSYM_GEMM_TUNING";

    /// <summary>The environment variable that overrides <see cref="Kc"/> (a positive integer).</summary>
    public const string KcVariable = "LATSYM_GEMM_KC";

    /// <summary>The environment variable that overrides <see cref="PackA"/> (0 or 1).</summary>
    public const string PackAVariable = "LATSYM_GEMM_PACK_A";

    /// <summary>
    /// AMD Zen (tuned on Zen 5, checked on Zen 4): k-blocks of 256, A read in place. On Zen 4 (32 KiB L1,
    /// where B's 12×32 float panel at 256 deep fills L1 alone) a 128-deep block measured no faster, nor did
    /// packing A: there the broadcasts from A's strided rows come from L2 as fast as packed ones would.
    /// </summary>
    public static GemmTuning Amd { get; } = new("amd", Kc: 256, PackA: false, PackAMinPanels: 8);

    /// <summary>
    /// Intel with two full-width AVX-512 FMA units and a 48 KiB, 12-way L1, where the kernels tuned on AMD
    /// left a quarter of the peak unused: 192 deep (B's panel 24 KiB; at 256 it and A's 12 rows nearly
    /// fill L1), and A packed for wide products (at least 8 B panels to reuse it), because in place its
    /// 12 rows, a power-of-two stride apart, fall into a few L1 sets and cross more lines per broadcast.
    /// </summary>
    public static GemmTuning Intel { get; } = new("intel", Kc: 192, PackA: true, PackAMinPanels: 8);

    /// <summary>The presets, by name, for benchmarks and the override.</summary>
    public static IReadOnlyList<GemmTuning> Presets { get; } = [Amd, Intel];

    /// <summary>The tuning in use: chosen from the CPU once, then overridable by the environment; settable for benchmarks and tests.</summary>
    public static GemmTuning Current { get; set; } = FromEnvironment(ForCpu(IsIntel()));

    /// <summary>The preset for an Intel CPU or another (AMD, or not x86: the AMD preset is the tested default).</summary>
    public static GemmTuning ForCpu(bool intel) => intel ? Intel : Amd;

    /// <summary>
    /// <paramref name="chosen"/>, replaced by the preset named in <see cref="PresetVariable"/>, then with
    /// <see cref="KcVariable"/> and <see cref="PackAVariable"/> applied, each when set and valid.
    /// </summary>
    internal static GemmTuning FromEnvironment(GemmTuning chosen)
    {
        string? preset = Environment.GetEnvironmentVariable(PresetVariable);
        var tuning = Presets.FirstOrDefault(t => t.Name == preset) ?? chosen;
        if (int.TryParse(Environment.GetEnvironmentVariable(KcVariable), NumberStyles.None, CultureInfo.InvariantCulture, out int kc) && kc > 0)
            tuning = tuning with { Name = $"{tuning.Name}, kc={kc}", Kc = kc };
        string? packA = Environment.GetEnvironmentVariable(PackAVariable);
        if (packA is "0" or "1")
            tuning = tuning with { Name = $"{tuning.Name}, pack-a={packA}", PackA = packA == "1" };
        return tuning;
    }

    /// <summary>Whether CPUID's vendor string is "GenuineIntel".</summary>
    internal static bool IsIntel()
    {
        if (!X86Base.IsSupported)
            return false;
        (int _, int ebx, int ecx, int edx) = X86Base.CpuId(0, 0);
        return ebx == 0x756E6547 && edx == 0x49656E69 && ecx == 0x6C65746E; // "Genu" "ineI" "ntel"
    }
}

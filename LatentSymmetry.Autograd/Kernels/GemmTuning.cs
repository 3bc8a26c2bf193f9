using System.Globalization;
using System.Runtime.Intrinsics.X86;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>
/// The cache blocking of <see cref="GemmPacked"/>, picked per CPU at start-up. None of it changes a bit
/// of the result (a k-block boundary only stores and reloads the running sum exactly; packing only
/// copies), so the choice is free to follow the cache sizes.
/// </summary>
/// <param name="Name">The preset's name ("amd-l1-32k", "amd-l1-48k", "intel"), with any override appended, for profiles and benchmarks.</param>
/// <param name="Kc">Depth of a k-block: the packed B panel, <c>Kc·NR</c> elements, should fill at most about half of L1 so the broadcast rows of A and the C tile stay beside it.</param>
/// <param name="PackA">
/// Copy the full row panels of A into [p][MR] panels when there are at least <see cref="PackAMinPanels"/>
/// B panels to reuse them across. In place, a panel's 12 rows lie a row stride apart; when that stride is
/// a multiple of 1 KiB (k = 256, 512, ...) they fall into a handful of L1 sets and evict B's panel.
/// </param>
/// <param name="PackAMinPanels">B panels (of NR columns) across which a packed A panel must be reused to repay its copy.</param>
internal sealed record GemmTuning(string Name, int Kc, bool PackA, int PackAMinPanels)
{
    /// <summary>The environment variable that picks a preset by name (amd-l1-32k, amd-l1-48k, intel) instead of the CPU's.</summary>
    public const string PresetVariable = "LATSYM_GEMM_TUNING";

    /// <summary>The environment variable that overrides <see cref="Kc"/> (a positive integer).</summary>
    public const string KcVariable = "LATSYM_GEMM_KC";

    /// <summary>The environment variable that overrides <see cref="PackA"/> (0 or 1).</summary>
    public const string PackAVariable = "LATSYM_GEMM_PACK_A";

    /// <summary>
    /// AMD Zen with a 32 KiB L1 (Zen 2-4; Zen 4 runs each 512-bit FMA as two 256-bit halves): a 128-deep
    /// k-block keeps B's 12×32 float panel at 16 KiB, half of L1 (at 256 it would fill L1 alone); A is
    /// read in place, its broadcasts costing no more than packed ones there.
    /// </summary>
    public static GemmTuning Amd32KiB { get; } = new("amd-l1-32k", Kc: 128, PackA: false, PackAMinPanels: 8);

    /// <summary>AMD Zen 5 (48 KiB L1, full-width FMA): 256 deep (B's panel 32 KiB), A in place, as tuned there.</summary>
    public static GemmTuning Amd48KiB { get; } = new("amd-l1-48k", Kc: 256, PackA: false, PackAMinPanels: 8);

    /// <summary>
    /// Intel with two full-width AVX-512 FMA units and a 48 KiB, 12-way L1: 192 deep (B's panel 24 KiB,
    /// where 256 left A's rows and C too little room), and A packed for wide products, where its in-place
    /// rows a power-of-two stride apart fall into a few L1 sets and the broadcasts from 12 scattered lines
    /// compete with B's loads for the load ports.
    /// </summary>
    public static GemmTuning Intel { get; } = new("intel", Kc: 192, PackA: true, PackAMinPanels: 8);

    /// <summary>The presets, by name, for benchmarks and the override.</summary>
    public static IReadOnlyList<GemmTuning> Presets { get; } = [Amd32KiB, Amd48KiB, Intel];

    /// <summary>The tuning in use: chosen from the CPU once, then overridable by the environment; settable for benchmarks and tests.</summary>
    public static GemmTuning Current { get; set; } = FromEnvironment(ForCpu(IsIntel(), L1DataCacheKiB()));

    /// <summary>The preset for this vendor and L1 data cache size in KiB (0 = unknown).</summary>
    public static GemmTuning ForCpu(bool intel, int l1KiB) => intel ? Intel : l1KiB >= 48 ? Amd48KiB : Amd32KiB;

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

    /// <summary>
    /// The L1 data cache per core in KiB from CPUID, or 0 when not on x86 or not reported: AMD's leaf
    /// 0x8000_0005 (ECX bits 31..24), else the deterministic cache parameters of leaf 4 (Intel).
    /// </summary>
    internal static int L1DataCacheKiB()
    {
        if (!X86Base.IsSupported)
            return 0;
        (int _, int ebx, int ecx, int edx) = X86Base.CpuId(0, 0);
        bool amd = ebx == 0x68747541 && edx == 0x69746E65 && ecx == 0x444D4163; // "AuthenticAMD"
        if (amd)
        {
            (int maxExtended, _, _, _) = X86Base.CpuId(unchecked((int)0x8000_0000), 0);
            return (uint)maxExtended >= 0x8000_0005 ? (int)((uint)X86Base.CpuId(unchecked((int)0x8000_0005), 0).Ecx >> 24) : 0;
        }
        (int maxLeaf, _, _, _) = X86Base.CpuId(0, 0);
        for (int sub = 0; maxLeaf >= 4 && sub < 16; sub++)
        {
            (int eax, int b, int c, _) = X86Base.CpuId(4, sub);
            int type = eax & 0x1F, level = (eax >> 5) & 0x7;
            if (type == 0)
                break;
            if (type == 1 && level == 1) // level-1 data cache
            {
                long ways = ((b >> 22) & 0x3FF) + 1, partitions = ((b >> 12) & 0x3FF) + 1, line = (b & 0xFFF) + 1, sets = (long)(uint)c + 1;
                return (int)(ways * partitions * line * sets / 1024);
            }
        }
        return 0;
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace LatentSymmetry.Autograd;

/// <summary>
/// What the processor does in hardware for this process. Every GEMM element is one chain of fused
/// multiply-adds (that is what keeps the bits identical on every vector path); without an FMA instruction
/// each one becomes a software emulation and training runs about 200 times slower, with the same bits.
/// </summary>
public static class Hardware
{
    /// <summary>
    /// True when fused multiply-add compiles to one instruction here: FMA3 on x64 (also present with AVX-512),
    /// always on Arm64. False on an x64 CPU without FMA3, when the runtime has it switched off
    /// (DOTNET_EnableAVX2=0, DOTNET_EnableHWIntrinsic=0), or in a Native AOT build whose instruction-set
    /// baseline lacks it (the default, x86-64-v2).
    /// </summary>
    public static bool FusedMultiplyAddIsAccelerated => Fma.IsSupported || AdvSimd.Arm64.IsSupported;

    /// <summary>
    /// True when the x64 processor itself reports FMA3 (CPUID leaf 1, ECX bit 12), whether or not this process
    /// can use it; false on other architectures. Tells "the CPU lacks FMA" from "this build leaves it off".
    /// </summary>
    public static bool ProcessorHasFma3 => X86Base.IsSupported && (X86Base.CpuId(1, 0).Ecx & (1 << 12)) != 0;

    /// <summary>
    /// Null when fused multiply-add runs in hardware; otherwise one sentence for the user saying why it does
    /// not and what to do about it.
    /// </summary>
    public static string? SlowFusedMultiplyAddAdvice()
    {
        if (FusedMultiplyAddIsAccelerated)
            return null;
        const string Cost = "so every multiply-add is emulated in software and training runs about 200x slower (same results)";
        if (X86Base.IsSupported && !ProcessorHasFma3)
            return $"this CPU has no FMA3 instruction, {Cost}; use an x64 CPU from 2013 on (Intel Haswell, AMD Piledriver or later) or an Arm64 one.";
        // A Native AOT build fixes its instruction sets at compile time and cannot JIT for this CPU.
        if (!RuntimeFeature.IsDynamicCodeSupported)
            return $"this Native AOT build targets an instruction set without FMA (the default is x86-64-v2), {Cost}; " +
                   "publish with -p:IlcInstructionSet=native (this machine's CPU) or -p:IlcInstructionSet=x86-64-v3.";
        return $"fused multiply-add is switched off in this process (DOTNET_EnableAVX2=0 or DOTNET_EnableHWIntrinsic=0 in the environment?), {Cost}; " +
               "unset that variable.";
    }
}

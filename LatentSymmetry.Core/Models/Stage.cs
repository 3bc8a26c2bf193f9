using System.Numerics;

namespace LatentSymmetry.Core.Models;

/// <summary>One leaf of a network's flattened chain: the module and its tap path from the root.</summary>
public readonly record struct Stage<T>(string Path, Module<T> Module) where T : unmanaged, IFloatingPointIeee754<T>;

namespace LatentSymmetry.Core.Models;

/// <summary>One tensor of a <see cref="StateDict{T}"/>: its name, shape (any rank) and row-major values.</summary>
/// <param name="Name">State-dict name, e.g. <c>layers.0.weight</c>.</param>
/// <param name="Shape">The shape; the product of its entries is the number of values.</param>
/// <param name="Values">The values, row-major.</param>
public sealed record StateDictEntry<T>(string Name, int[] Shape, T[] Values);

namespace LatentSymmetry.Core.Discovery;

/// <summary>One chart of an atlas: a name and the indices of the points it holds.</summary>
/// <param name="Name">E.g. <c>shell 1/3 (R 0-2.89)</c>, <c>+x+y-z</c>, <c>cluster 2</c>, <c>inside cone:60</c>.</param>
/// <param name="Indices">Row indices into the sample, ascending.</param>
public sealed record Chart(string Name, IReadOnlyList<int> Indices);

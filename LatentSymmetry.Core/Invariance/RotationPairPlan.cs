namespace LatentSymmetry.Core.Invariance;

/// <summary>
/// Which two SO(2) angles of the set 2π·i/K turn each point, pair by pair, and the class of each pair's
/// relative rotation. Row r = point·<see cref="PairsPerPoint"/> + p.
/// </summary>
/// <param name="First">Index i1 of the first angle of every pair.</param>
/// <param name="Second">Index i2 of the second angle.</param>
/// <param name="Classes">(i2 − i1) mod K.</param>
/// <param name="PairsPerPoint">Pairs drawn for each point.</param>
/// <param name="ClassCount">K.</param>
public sealed record RotationPairPlan(int[] First, int[] Second, int[] Classes, int PairsPerPoint, int ClassCount);

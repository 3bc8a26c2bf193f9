namespace LatentSymmetry.Core.Invariance;

/// <summary>MI of one layer and the figures it comes from.</summary>
/// <param name="MI">(log K − L)/log K clamped to [0, 1], with its bootstrap interval over the held-out points.</param>
/// <param name="CrossEntropy">L, the classifier's mean cross-entropy (nats) on the held-out pairs, unclamped.</param>
/// <param name="ClassCount">K.</param>
/// <param name="TrainingPairs">Pairs the classifier was trained on.</param>
/// <param name="HeldOutPairs">Pairs L was measured on (from points the classifier never saw).</param>
public sealed record RotationInformationEstimate(MeasureEstimate MI, double CrossEntropy, int ClassCount, int TrainingPairs, int HeldOutPairs);

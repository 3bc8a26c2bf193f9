using LatentSymmetry.Core.IO;
using System.Globalization;

namespace LatentSymmetry.Core.Experiments.Results;

/// <summary>
/// The files analysed together: one architecture and one learning rate. The architecture comes from file names and is
/// null for files whose name does not follow the pattern.
/// </summary>
/// <param name="NumHiddenLayers">Hidden layers L, when known.</param>
/// <param name="HiddenDim">Hidden width H, when known.</param>
/// <param name="LearningRate">The learning rate of the rows.</param>
public sealed record ResultGroupKey(int? NumHiddenLayers, int? HiddenDim, double LearningRate)
{
    /// <summary>A title such as <c>layers=6x128 lr=3e-4</c> (<c>layers=?</c> when unknown).</summary>
    public string Title =>
        string.Create(CultureInfo.InvariantCulture, $"layers={(NumHiddenLayers is null ? "?" : $"{NumHiddenLayers}x{HiddenDim}")} lr={PythonFloat.FormatScientific(LearningRate)}")
        + (Setup.Length == 0 ? "" : " setup=" + Setup);

    /// <summary>The lab set-up of the files (from their names; empty for the original experiment), so set-ups are analysed apart.</summary>
    public string Setup { get; init; } = "";
}

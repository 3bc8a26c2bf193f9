using System.Globalization;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Orbits;

namespace LatentSymmetry.Cli.Output;

/// <summary>
/// The default name of a run directory: the local date-time, then every setting that differs from its
/// default, e.g. <c>20261124-010203_wd0.01_ep100</c> (<c>_default</c> when none does). Runs that differ in
/// any setting therefore never share a name; runs with identical settings started in the same second get
/// <c>_2</c>, <c>_3</c>, ... from <see cref="StagedDirectory.CreateUnique"/>.
/// </summary>
internal static class RunName
{
    static readonly TrainingOptions Defaults = new();

    /// <summary>
    /// The settings that name a run, in name order: a short key and the setting's value as text, or null when
    /// the setting does not apply (lambda without a penalty layer, the box on the disk, the disk's radii in 3-D; a
    /// field, radius or inner radius at its default for the group). A new setting joins with one line here. The
    /// lab's settings are named by their values (<c>so2</c>, <c>fourier-k2-offset0</c>, <c>invariant</c>,
    /// <c>aug</c>, <c>sector180</c>), their keys left empty.
    /// </summary>
    static readonly (string Key, Func<TrainingOptions, string?> Value)[] Settings =
    [
        ("L", o => Text(o.HiddenLayers)),
        ("H", o => Text(o.HiddenDim)),
        ("sym", o => o.SymmetryLayers.NameToken), // several layers joined by '+': sym2+4+-1
        ("lam", o => o.SymmetryLayers.IsSet ? Text(o.LambdaSymMax) : null),
        ("lr", o => Text(o.LearningRate)),
        ("wd", o => Text(o.WeightDecay)),
        ("seed", o => Text(o.RunSeed)),
        ("ep", o => Text(o.Epochs)),
        ("bs", o => Text(o.BatchSize)),
        ("n", o => o.DataSource is null ? Text(o.Samples) : null), // a sample file's rows and extent are the file's, named by it
        ("box", o => o.Group.Dimension == 3 && o.DataSource is null ? Text(o.BoxHalfWidth) : null),
        ("", o => o.Group.Name),
        ("", o => o.FieldSpec == FieldCatalog.Default(o.Group.Dimension).Spec ? null : NameToken.Shorten(ResultFileName.SetupToken(o.FieldSpec))),
        ("", o => ModelKindText.Format(o.Model)),
        ("", o => o.Model is RelaxedModelKind r && r.Branch != RelaxedModelKind.Default.Branch ? RelaxedModelKind.Format(r.Branch) : null),
        ("", o => o.Model is RelaxedModelKind r && r.Penalty != RelaxedModelKind.Default.Penalty ? RelaxedModelKind.Format(r.Penalty) : null),
        ("rw", o => o.Model is RelaxedModelKind r && r.Weight != RelaxedModelKind.Default.Weight ? Text(r.Weight) : null),
        ("", o => o.Augment ? "aug" : null),
        ("", o => o.TrainRegion.IsFull ? null : o.TrainRegion.ToString().Replace(":", "", StringComparison.Ordinal)),
        ("R", o => o.Group.Dimension == 2 && o.DataSource is null && o.Radius != Defaults.Radius ? Text(o.Radius) : null),
        ("r0", o => o.Group.Dimension == 2 && o.InnerRadius != Defaults.InnerRadius ? Text(o.InnerRadius) : null),
        ("align", o => o.GradAlignInterval > 0 ? Text(o.GradAlignInterval) : null),
        ("pen-", o => o.SymmetryLayers.IsSet ? PenaltyKindText.Format(o.Penalty) + (o.PenaltyGradDenominator ? "-graddenom" : "") : null),
    ];

    /// <summary>The name for a run of <paramref name="options"/> started at <paramref name="now"/>.</summary>
    public static string For(TrainingOptions options, DateTime now)
    {
        var parts = Settings
            .Where(s => s.Value(options) is { } v && v != s.Value(Defaults))
            .Select(s => s.Key + s.Value(options));
        var settings = string.Join("_", parts);
        return now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "_" + (settings.Length == 0 ? "default" : settings);
    }

    static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

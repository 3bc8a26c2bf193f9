using System.Globalization;
using LatentSymmetry.Cli.Output;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Cli.Commands;

/// <summary>
/// Refuses a field whose values are not finite numbers in float32 where it is used (bessel-j0:scale=1e300 is
/// NaN; fourier:offset=1e308 is finite in double but infinite in float32). Such a field made training report
/// "DIVERGED in epoch 1", the network blamed for the target's fault; here it is named before training.
/// </summary>
internal static class FieldValueCheck
{
    /// <summary>Checks the targets of the data set <paramref name="options"/> trains on; a bad one is a <see cref="UsageException"/> naming <paramref name="option"/>.</summary>
    public static void OnData(TrainingOptions options, string option)
    {
        var data = new FieldDataset<float>(options.Seeds.Data, options.Samples, options.Domain, options.TargetField, options.TrainRegion);
        foreach (var split in new[] { data.Train, data.Validation, data.Test })
        {
            var targets = split.Targets;
            for (int i = 0; i < targets.Length; i++)
                if (!float.IsFinite(targets[i]))
                    throw Refused(options.TargetField, split.Points.Slice(i * split.Dimension, split.Dimension).ToArray().Select(v => (double)v).ToArray(), option, "a point of the run's data");
        }
    }

    /// <summary>
    /// Checks <paramref name="field"/> on a grid over <paramref name="domain"/> (65 points a side in 2-D, 33 in 3-D,
    /// the edges included), for commands that have a field but no data set.
    /// </summary>
    public static void OnGrid(IScalarField field, SamplingDomain domain, string option)
    {
        int d = domain.Dimension, n = d == 2 ? 65 : 33;
        double e = domain.Extent;
        var point = new double[d];
        var index = new int[d];
        for (long k = 0, total = (long)Math.Pow(n, d); k < total; k++)
        {
            long rest = k;
            for (int j = 0; j < d; j++) { index[j] = (int)(rest % n); rest /= n; point[j] = -e + 2 * e * index[j] / (n - 1); }
            // The disk's grid keeps the points on it.
            if (d == 2 && point[0] * point[0] + point[1] * point[1] > e * e) continue;
            if (!float.IsFinite((float)field.Evaluate(point))) throw Refused(field, point, option, $"in the domain train samples ({domain.Description})");
        }
    }

    static UsageException Refused(IScalarField field, double[] point, string option, string where)
    {
        double value = field.Evaluate(point);
        var inv = CultureInfo.InvariantCulture;
        string at = "(" + string.Join(", ", point.Select(NumberText.Short)) + ")";
        string why = double.IsFinite(value) ? $"{NumberText.Short(value)}, beyond float32's range" : value.ToString(inv);
        return new UsageException($"{option}: field '{field.Spec}' is {why} at {at}, {where}; a field must be finite there (choose smaller parameters)");
    }
}

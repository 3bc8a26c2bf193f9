using System.Globalization;
using LatentSymmetry.Core.Experiments.Results;

namespace LatentSymmetry.Cli.Plots;

/// <summary>Titles in a reader's words rather than file-name tokens: "2 x 16, lr 1", "6 x 128, lr 3e-4, so2 + sector90".</summary>
internal static class FigureTitle
{
    /// <summary>The architecture, learning rate and set-up of a group of result files.</summary>
    public static string Of(ResultGroupKey key)
    {
        string architecture = key.NumHiddenLayers is int layers ? string.Create(CultureInfo.InvariantCulture, $"{layers} x {key.HiddenDim}") : "architecture unknown";
        string setup = key.Setup.Length == 0 ? "" : ", " + key.Setup.Replace("+", " + ", StringComparison.Ordinal);
        return $"{architecture}, lr {Number(key.LearningRate)}{setup}";
    }

    /// <summary>A number as a reader writes it: up to three significant digits, "3e-4" below 0.01 and from 10 000 on.</summary>
    public static string Number(double value)
    {
        if (value == 0 || !double.IsFinite(value))
            return value.ToString(CultureInfo.InvariantCulture);
        double magnitude = Math.Abs(value);
        if (magnitude >= 0.01 && magnitude < 1e4)
            return value.ToString("G3", CultureInfo.InvariantCulture);
        int exponent = (int)Math.Floor(Math.Log10(magnitude));
        double mantissa = Math.Round(value / Math.Pow(10, exponent), 2);
        if (Math.Abs(mantissa) >= 10)
        {
            mantissa /= 10;
            exponent++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{mantissa:G3}e{exponent}");
    }
}

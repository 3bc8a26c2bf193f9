namespace LatentSymmetry.Core.Fields;

/// <summary>The values a numeric field parameter accepts, with the words an error message uses for them.</summary>
internal sealed record NumberRange(Func<double, bool> Accepts, string Text)
{
    public static readonly NumberRange Finite = new(double.IsFinite, "a finite number");
    public static readonly NumberRange Positive = new(v => double.IsFinite(v) && v > 0, "a finite number > 0");
    public static readonly NumberRange NonNegative = new(v => double.IsFinite(v) && v >= 0, "a finite number >= 0");
    public static readonly NumberRange UnitInterval = new(v => v is >= 0 and <= 1, "a number in [0, 1]");

    // Integers stay far from int's limits so k·theta never overflows into nonsense.
    public static readonly NumberRange Integer = new(v => double.IsFinite(v) && Math.Floor(v) == v && Math.Abs(v) <= 1_000_000, "an integer in [-10^6, 10^6]");
}

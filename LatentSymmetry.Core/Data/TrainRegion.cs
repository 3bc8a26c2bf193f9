using System.Globalization;
using System.Numerics;

namespace LatentSymmetry.Core.Data;

/// <summary>
/// Which points of a data set are kept: all (<see cref="Full"/>), those whose direction lies within DEG degrees
/// of +z (<see cref="Cone"/>, 3-D), or those whose angle in the x-y plane lies within DEG/2 of +x
/// (<see cref="Sector"/>). The boundary is kept (to 1e-12 rad, so a point at exactly DEG is inside whatever
/// the rounding of the angle); the origin, which has no direction, is kept.
/// </summary>
public readonly record struct TrainRegion
{
    const double BoundarySlack = 1e-12;

    TrainRegion(TrainRegionKind kind, double degrees) => (Kind, Degrees) = (kind, degrees);

    /// <summary>Full, cone or sector.</summary>
    public TrainRegionKind Kind { get; }

    /// <summary>The opening in degrees (half-angle of the cone; full angle of the sector); 0 for <see cref="Full"/>.</summary>
    public double Degrees { get; }

    /// <summary>Every point.</summary>
    public static TrainRegion Full => default;

    /// <summary>Points within <paramref name="degrees"/> (0..180) of +z.</summary>
    public static TrainRegion Cone(double degrees) =>
        degrees is >= 0 and <= 180 ? new(TrainRegionKind.Cone, degrees) : throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "a cone's half-angle is in [0, 180] degrees");

    /// <summary>Points whose angle about the z axis is within <paramref name="degrees"/>/2 (0..360) of +x.</summary>
    public static TrainRegion Sector(double degrees) =>
        degrees is >= 0 and <= 360 ? new(TrainRegionKind.Sector, degrees) : throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "a sector's angle is in [0, 360] degrees");

    /// <summary>True for <see cref="Full"/>.</summary>
    public bool IsFull => Kind == TrainRegionKind.Full;

    /// <summary>True when <paramref name="point"/> (2 or 3 coordinates; a cone needs 3) lies in the region.</summary>
    public bool Contains<T>(ReadOnlySpan<T> point) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (Kind)
        {
            case TrainRegionKind.Cone:
            {
                if (point.Length != 3) throw new ArgumentException($"a cone needs points of 3 coordinates, got {point.Length}", nameof(point));
                double x = double.CreateTruncating(point[0]), y = double.CreateTruncating(point[1]), z = double.CreateTruncating(point[2]);
                return Math.Atan2(Math.Sqrt(x * x + y * y), z) <= Degrees * (Math.PI / 180) + BoundarySlack;
            }
            case TrainRegionKind.Sector:
            {
                double x = double.CreateTruncating(point[0]), y = double.CreateTruncating(point[1]);
                return Math.Abs(Math.Atan2(y, x)) <= Degrees / 2 * (Math.PI / 180) + BoundarySlack;
            }
            default:
                return true;
        }
    }

    /// <summary>Null when the region can select points of <paramref name="dimension"/>, else why not.</summary>
    public string? CheckDimension(int dimension) =>
        Kind == TrainRegionKind.Cone && dimension != 3 ? $"a cone needs 3-D points; these have {dimension} coordinates (use sector:DEG on the disk)" : null;

    /// <summary>Parses "full", "cone:DEG" or "sector:DEG"; false with a one-line message otherwise.</summary>
    public static bool TryParse(string? text, out TrainRegion region, out string error)
    {
        region = Full;
        error = "";
        var t = (text ?? "").Trim();
        if (t.Equals("full", StringComparison.OrdinalIgnoreCase)) return true;
        int colon = t.IndexOf(':');
        string kind = colon < 0 ? t : t[..colon];
        bool isCone = kind.Equals("cone", StringComparison.OrdinalIgnoreCase), isSector = kind.Equals("sector", StringComparison.OrdinalIgnoreCase);
        if ((isCone || isSector) && colon > 0
            && double.TryParse(t[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double degrees) && double.IsFinite(degrees))
        {
            double max = isCone ? 180 : 360;
            if (degrees >= 0 && degrees <= max)
            {
                region = isCone ? Cone(degrees) : Sector(degrees);
                return true;
            }
            error = $"'{text}': the angle must be in [0, {max}] degrees";
            return false;
        }
        error = $"'{text}' is not a region; valid: full, cone:DEG (3-D, within DEG of +z), sector:DEG (within DEG/2 of +x)";
        return false;
    }

    /// <summary>"full", "cone:60" or "sector:90".</summary>
    public override string ToString() => Kind switch
    {
        TrainRegionKind.Cone => string.Create(CultureInfo.InvariantCulture, $"cone:{Degrees:R}"),
        TrainRegionKind.Sector => string.Create(CultureInfo.InvariantCulture, $"sector:{Degrees:R}"),
        _ => "full",
    };
}

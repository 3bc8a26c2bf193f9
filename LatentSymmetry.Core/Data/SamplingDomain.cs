using LatentSymmetry.Core.Numerics;
using System.Globalization;
using System.Numerics;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Data;

/// <summary>
/// Where a data set's points are drawn: the box [−B, B]^d (<see cref="Box"/>) or the disk / annulus
/// r0 ≤ r ≤ R of the plane (<see cref="Disk"/>), uniformly by area or volume.
/// </summary>
public abstract class SamplingDomain
{
    private protected SamplingDomain() { }

    /// <summary>The box [−B, B]^d: every coordinate lo + 2B·u, drawn row-major (the original's sampler).</summary>
    public static SamplingDomain Box(int dimension, double halfWidth) => new BoxDomain(dimension, halfWidth);

    /// <summary>
    /// The annulus r0 ≤ r ≤ R of the plane, uniform by area: per point u then v uniform in [0, 1),
    /// r = sqrt(r0² + u (R² − r0²)), θ = 2π v; r0 = 0 is the disk.
    /// </summary>
    public static SamplingDomain Disk(double radius, double innerRadius = 0) => new DiskDomain(radius, innerRadius);

    /// <summary>
    /// The states of a phase-space field (<see cref="IPhaseSpaceField.SampleState"/>, drawn in double and rounded to T): a
    /// point is a whole state, and a training region selects it by its position, the first <paramref name="positionDimension"/> values.
    /// </summary>
    public static SamplingDomain States(IPhaseSpaceField field, int positionDimension) => new StateDomain(field, positionDimension);

    /// <summary>Coordinates per point.</summary>
    public abstract int Dimension { get; }

    /// <summary>
    /// The leading coordinates a training region selects points by: all of them for a point of space, the position of a
    /// phase-space state.
    /// </summary>
    public virtual int PositionDimension => Dimension;

    /// <summary>The largest |coordinate| a point can have (B for the box, R for the disk): the extent of a slice figure.</summary>
    public abstract double Extent { get; }

    /// <summary>For reports: "uniform in [-5, 5]^3", "uniform on the disk r &lt;= 1".</summary>
    public abstract string Description { get; }

    /// <summary>Fills <paramref name="points"/> (rows of <see cref="Dimension"/>) with draws from <paramref name="stream"/>, computed in double and rounded to T.</summary>
    public abstract void Fill<T>(RandomStream stream, Span<T> points) where T : unmanaged, IFloatingPointIeee754<T>;

    private sealed class BoxDomain : SamplingDomain
    {
        private readonly double _halfWidth;

        public BoxDomain(int dimension, double halfWidth)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
            if (!(halfWidth > 0) || !double.IsFinite(halfWidth))
                throw new ArgumentOutOfRangeException(nameof(halfWidth), halfWidth, "The box half-width must be positive and finite.");
            Dimension = dimension;
            _halfWidth = halfWidth;
        }

        public override int Dimension { get; }
        public override double Extent => _halfWidth;
        public override string Description => string.Create(CultureInfo.InvariantCulture, $"uniform in [{-_halfWidth:G}, {_halfWidth:G}]^{Dimension}");

        public override void Fill<T>(RandomStream stream, Span<T> points) => stream.FillUniform(points, -_halfWidth, _halfWidth);
    }

    private sealed class StateDomain : SamplingDomain
    {
        private readonly IPhaseSpaceField _field;

        public StateDomain(IPhaseSpaceField field, int positionDimension)
        {
            ArgumentNullException.ThrowIfNull(field);
            if (positionDimension < 1 || positionDimension > field.Dimension)
                throw new ArgumentOutOfRangeException(nameof(positionDimension), positionDimension, $"a position is 1..{field.Dimension} of a state's values");
            _field = field;
            PositionDimension = positionDimension;
        }

        public override int Dimension => _field.Dimension;
        public override int PositionDimension { get; }
        public override double Extent => _field.PositionExtent;
        public override string Description => $"states of {_field.Name}: {_field.StatesDescription}";

        public override void Fill<T>(RandomStream stream, Span<T> points)
        {
            int d = Dimension;
            if (points.Length % d != 0) throw new ArgumentException($"states of {_field.Name} take {d} values; {points.Length} is not a multiple", nameof(points));
            Span<double> state = stackalloc double[d];
            for (int i = 0; i < points.Length; i += d)
            {
                _field.SampleState(stream, state);
                for (int j = 0; j < d; j++) points[i + j] = T.CreateTruncating(state[j]);
            }
        }
    }

    private sealed class DiskDomain : SamplingDomain
    {
        private readonly double _radius, _inner;

        public DiskDomain(double radius, double inner)
        {
            if (!(radius > 0) || !double.IsFinite(radius))
                throw new ArgumentOutOfRangeException(nameof(radius), radius, "The radius must be positive and finite.");
            if (!(inner >= 0) || !(inner < radius))
                throw new ArgumentOutOfRangeException(nameof(inner), inner, $"The inner radius must be in [0, {radius}).");
            _radius = radius;
            _inner = inner;
        }

        public override int Dimension => 2;
        public override double Extent => _radius;
        public override string Description => _inner == 0
            ? string.Create(CultureInfo.InvariantCulture, $"uniform on the disk r <= {_radius:G}")
            : string.Create(CultureInfo.InvariantCulture, $"uniform on the annulus {_inner:G} <= r <= {_radius:G}");

        public override void Fill<T>(RandomStream stream, Span<T> points)
        {
            if (points.Length % 2 != 0) throw new ArgumentException($"points of the plane take 2 values; {points.Length} is odd", nameof(points));
            double r0Squared = _inner * _inner, span = _radius * _radius - r0Squared;
            for (int i = 0; i < points.Length; i += 2)
            {
                // r² uniform in [r0², R²] makes the density uniform by area.
                double r = Math.Sqrt(r0Squared + stream.NextDouble() * span);
                double theta = 2 * Math.PI * stream.NextDouble();
                points[i] = T.CreateTruncating(r * CrMath.Cos(theta));
                points[i + 1] = T.CreateTruncating(r * CrMath.Sin(theta));
            }
        }
    }
}

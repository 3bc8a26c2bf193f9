using System.Numerics;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Symmetry;

/// <summary>
/// A rotation group acting on points of R^d: its name, d, a Haar sampler filling d×d matrices, the basis of its Lie
/// algebra (the generators a discovered algebra is compared with), its representations (ρ(R) on scalars, vectors and
/// their direct sums), and a complete set of its polynomial invariants (what an invariant-by-construction model is fed).
/// Open: a new group is a subclass. Three are built in: <see cref="So3"/> (all rotations of space), <see cref="So2"/>
/// (rotations of the plane) and <see cref="So2z"/> (rotations of space about the z axis). Everything that depends on
/// which group it is asks the group; nothing outside switches on its name.
/// </summary>
public abstract class SymmetryGroup
{
    /// <summary>For subclasses.</summary>
    protected SymmetryGroup() { }

    /// <summary>SO(3) acting on R³; invariant |x|².</summary>
    public static SymmetryGroup So3 { get; } = new So3Group();

    /// <summary>SO(2) acting on R²; invariant |x|².</summary>
    public static SymmetryGroup So2 { get; } = new So2Group(2);

    /// <summary>SO(2) acting on R³ about the z axis; invariants x² + y² and z.</summary>
    public static SymmetryGroup So2z { get; } = new So2Group(3);

    /// <summary>The built-in groups, in the order the help lists them.</summary>
    public static IReadOnlyList<SymmetryGroup> All { get; } = [So3, So2, So2z];

    /// <summary>Short name as the command line spells it: "so3", "so2" or "so2z".</summary>
    public abstract string Name { get; }

    /// <summary>The dimension d of the points.</summary>
    public abstract int Dimension { get; }

    /// <summary>A human-readable description, e.g. "SO(3), rotations of R^3".</summary>
    public abstract string Description { get; }

    /// <summary>Number of invariants per point (the input width of an invariant model).</summary>
    public abstract int InvariantCount { get; }

    /// <summary>Names of the invariants, for messages and config files (e.g. "x^2 + y^2", "z").</summary>
    public abstract IReadOnlyList<string> InvariantNames { get; }

    /// <summary>
    /// A basis of the Lie algebra: d×d antisymmetric matrices (row-major) whose exponentials are the group's rotations,
    /// e.g. L_x, L_y, L_z for SO(3) with (L_z)_{01} = −1, (L_z)_{10} = 1 (a positive angle turns x towards y).
    /// </summary>
    public abstract IReadOnlyList<double[]> Generators { get; }

    /// <summary>Names of <see cref="Generators"/>, e.g. "L_x".</summary>
    public abstract IReadOnlyList<string> GeneratorNames { get; }

    /// <summary>The trivial representation on <paramref name="width"/> scalars (invariance).</summary>
    public GroupRepresentation Trivial(int width = 1) => GroupRepresentation.Trivial(width, Dimension);

    /// <summary>The vector representation: ρ(R) = R on points of R^d.</summary>
    public GroupRepresentation Vector => GroupRepresentation.Vector(Dimension);

    /// <summary><paramref name="vectors"/> vectors of R^d followed by <paramref name="scalars"/> scalars.</summary>
    public GroupRepresentation DirectSum(int vectors, int scalars) => GroupRepresentation.DirectSum(vectors, scalars, Dimension);

    /// <summary>
    /// The squared norm of the part of <paramref name="point"/> the group moves (all of it for SO(3) and SO(2); x and y
    /// about z): a point's orbit stays inside a ball or cylinder of radius B exactly when this is at most B².
    /// </summary>
    public abstract double MovedSquaredNorm(ReadOnlySpan<double> point);

    /// <summary>
    /// True for a one-parameter group (rotations by an angle about one axis), whose rotations <see cref="RotationByAngle"/>
    /// writes; false for SO(3).
    /// </summary>
    public virtual bool IsOneParameter => Generators.Count == 1;

    /// <summary>exp(t·L) for the one generator L of a one-parameter group: the rotation by angle <paramref name="t"/>, row-major.</summary>
    public virtual void RotationByAngle(double t, Span<double> matrix) =>
        throw new NotSupportedException($"{Name} is not a one-parameter group");

    /// <summary>A Haar sampler of this group drawing from <paramref name="stream"/>, which it then owns.</summary>
    public abstract IRotationSampler CreateSampler(RandomStream stream);

    /// <summary>A Haar sampler on a fresh stream of <paramref name="seed"/>.</summary>
    public IRotationSampler CreateSampler(int seed) => CreateSampler(new RandomStream(seed));

    /// <summary>
    /// Writes the invariants of each row of <paramref name="points"/> (rows of <see cref="Dimension"/>) into
    /// <paramref name="invariants"/> (rows of <see cref="InvariantCount"/>).
    /// </summary>
    public void Invariants<T>(ReadOnlySpan<T> points, Span<T> invariants) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = Dimension, k = InvariantCount;
        if (points.Length % d != 0 || invariants.Length != points.Length / d * k)
            throw new ArgumentException($"{points.Length} coordinates in rows of {d} need {points.Length / d * k} invariants, got {invariants.Length}.", nameof(invariants));
        for (int i = 0, n = points.Length / d; i < n; i++)
            InvariantsOf(points.Slice(d * i, d), invariants.Slice(k * i, k));
    }

    /// <summary>The invariants of one point.</summary>
    protected abstract void InvariantsOf<T>(ReadOnlySpan<T> point, Span<T> invariants) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>
    /// Adds Jᵀ g to <paramref name="pointGradients"/> for each row, J the Jacobian of the row's invariants and g its
    /// row of <paramref name="invariantGradients"/>: the backward rule of the invariant model's <c>Invariants</c> tape operation.
    /// </summary>
    public void AddInvariantGradients<T>(ReadOnlySpan<T> points, ReadOnlySpan<T> invariantGradients, Span<T> pointGradients) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = Dimension, k = InvariantCount;
        if (points.Length % d != 0 || invariantGradients.Length != points.Length / d * k || pointGradients.Length != points.Length)
            throw new ArgumentException($"{points.Length} coordinates in rows of {d} need {points.Length / d * k} invariant gradients and {points.Length} point gradients; got {invariantGradients.Length} and {pointGradients.Length}");
        for (int i = 0, n = points.Length / d; i < n; i++)
            AddInvariantGradientOf(points.Slice(d * i, d), invariantGradients.Slice(k * i, k), pointGradients.Slice(d * i, d));
    }

    /// <summary>Adds Jᵀ g for one point (J the Jacobian of its invariants).</summary>
    protected abstract void AddInvariantGradientOf<T>(ReadOnlySpan<T> point, ReadOnlySpan<T> invariantGradient, Span<T> pointGradient) where T : unmanaged, IFloatingPointIeee754<T>;

    // d|x|²/dx_i = 2 x_i over the first count coordinates.
    private static void AddSquaredNormGradient<T>(ReadOnlySpan<T> point, int count, T g, Span<T> gradient) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T twice = g + g;
        for (int i = 0; i < count; i++) gradient[i] += twice * point[i];
    }

    /// <summary>
    /// An upper bound on |v| for every invariant v that <see cref="Invariants{T}"/> computes for a point whose every
    /// coordinate has |x_i| ≤ <paramref name="coordinateBound"/> (widened by 0.1% for rounding).
    /// </summary>
    public abstract double InvariantBound(double coordinateBound);

    /// <summary>
    /// The squared norm of <paramref name="point"/>'s first <paramref name="count"/> coordinates, accumulated in
    /// double with fused multiply-adds and rounded once to <typeparamref name="T"/>.
    /// </summary>
    /// <remarks>
    /// Why: a point and its turned copy, each rounded to float32, have exact squared norms a fraction of an ulp apart,
    /// and an invariant model's float32 output can differ between them only where their float32 invariants do. Summed
    /// in float32, each of the five roundings (three squares, two sums) moves |x|² on its own for x and for R x: for
    /// points in the ball |x| ≤ 5, 47% of Haar-turned copies got another invariant. In double the float32 squares are
    /// exact and the sum's error is far below float32's ulp, so the one rounding to float32 leaves the turned point's
    /// own rounding as the only difference (38% of turned copies). For float64 models the fused chain rounds three
    /// times instead of five.
    /// </remarks>
    private static T SquaredNorm<T>(ReadOnlySpan<T> point, int count) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            double v = double.CreateTruncating(point[i]);
            sum = Math.FusedMultiplyAdd(v, v, sum);
        }
        return T.CreateTruncating(sum);
    }

    /// <summary>The group of <paramref name="name"/> ("so3", "so2", "so2z", any case); false when unknown.</summary>
    public static bool TryParse(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SymmetryGroup? group)
    {
        group = All.FirstOrDefault(g => string.Equals(g.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        return group is not null;
    }

    /// <summary>The accepted names, for messages: "so3, so2, so2z".</summary>
    public static string ValidNames => string.Join(", ", All.Select(g => g.Name));

    /// <summary>The name.</summary>
    public override string ToString() => Name;

    private sealed class So3Group : SymmetryGroup
    {
        public override string Name => "so3";
        public override int Dimension => 3;
        public override string Description => "SO(3), all rotations of R^3";
        public override int InvariantCount => 1;
        public override IReadOnlyList<string> InvariantNames { get; } = ["x^2 + y^2 + z^2"];
        public override IRotationSampler CreateSampler(RandomStream stream) => new HaarSo3Sampler(stream);
        public override IReadOnlyList<double[]> Generators { get; } =
        [
            [0, 0, 0, 0, 0, -1, 0, 1, 0],
            [0, 0, 1, 0, 0, 0, -1, 0, 0],
            [0, -1, 0, 1, 0, 0, 0, 0, 0],
        ];
        public override IReadOnlyList<string> GeneratorNames { get; } = ["L_x", "L_y", "L_z"];
        public override double MovedSquaredNorm(ReadOnlySpan<double> p) => p[0] * p[0] + p[1] * p[1] + p[2] * p[2];

        protected override void InvariantsOf<T>(ReadOnlySpan<T> p, Span<T> invariants) => invariants[0] = SquaredNorm(p, 3);

        protected override void AddInvariantGradientOf<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> g, Span<T> gradient) => AddSquaredNormGradient(p, 3, g[0], gradient);

        public override double InvariantBound(double coordinateBound) => 3 * coordinateBound * coordinateBound * 1.001;
    }

    private sealed class So2Group(int dimension) : SymmetryGroup
    {
        public override string Name => dimension == 2 ? "so2" : "so2z";
        public override int Dimension => dimension;
        public override string Description => dimension == 2 ? "SO(2), rotations of the plane R^2" : "SO(2) about the z axis of R^3";
        public override int InvariantCount => dimension == 2 ? 1 : 2;
        public override IReadOnlyList<string> InvariantNames { get; } = dimension == 2 ? ["x^2 + y^2"] : ["x^2 + y^2", "z"];
        public override IRotationSampler CreateSampler(RandomStream stream) => new HaarSo2Sampler(stream, dimension);
        public override IReadOnlyList<double[]> Generators { get; } = dimension == 2 ? [[0, -1, 1, 0]] : [[0, -1, 0, 1, 0, 0, 0, 0, 0]];
        public override IReadOnlyList<string> GeneratorNames { get; } = dimension == 2 ? ["J"] : ["L_z"];
        public override double MovedSquaredNorm(ReadOnlySpan<double> p) => p[0] * p[0] + p[1] * p[1];

        // The rotation by t of the (x, y) plane (z kept when d = 3).
        public override void RotationByAngle(double t, Span<double> matrix)
        {
            matrix.Clear();
            double c = Math.Cos(t), s = Math.Sin(t);
            matrix[0] = c;
            matrix[1] = -s;
            matrix[dimension] = s;
            matrix[dimension + 1] = c;
            if (dimension == 3) matrix[8] = 1;
        }

        protected override void InvariantsOf<T>(ReadOnlySpan<T> p, Span<T> invariants)
        {
            invariants[0] = SquaredNorm(p, 2);
            if (dimension == 3) invariants[1] = p[2];
        }

        protected override void AddInvariantGradientOf<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> g, Span<T> gradient)
        {
            AddSquaredNormGradient(p, 2, g[0], gradient);
            if (dimension == 3) gradient[2] += g[1];
        }

        // x^2 + y^2, and z for so2z.
        public override double InvariantBound(double coordinateBound) =>
            Math.Max(2 * coordinateBound * coordinateBound, dimension == 3 ? coordinateBound : 0) * 1.001;
    }
}

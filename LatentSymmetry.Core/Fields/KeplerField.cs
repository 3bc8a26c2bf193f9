using LatentSymmetry.Core.Numerics;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Fields;

/// <summary>
/// The two-body problem in relative coordinates as a phase-space field on states (r, v) ∈ R⁶: dr/dt = v,
/// dv/dt = −gm·r / (|r|² + soft²)^{3/2}, the force of the Plummer-softened potential V = −gm / sqrt(|r|² + soft²)
/// (soft = 0 is Kepler's). Equivariant under every rotation acting on r and v alike (<c>vectors:2</c>); its flow keeps the
/// energy E = |v|²/2 + V(|r|) and the angular momentum L = r × v.
/// </summary>
/// <remarks>
/// Why soften: near r = 0 Kepler's force is unbounded and a network cannot fit it; with soft &gt; 0 the force is smooth and
/// bounded by about 0.385·gm/soft², and the bound states drawn here (|r| ≥ rmin) stay where it is nearly Kepler's.
/// States are drawn as bound, nearly circular orbits: the position's direction uniform on the sphere and |r| uniform in
/// [rmin, rmax]; the velocity v_c(|r|)·((1 + δ₁) t + δ₂ r/|r|), t a uniform direction tangent to the sphere,
/// δ₁, δ₂ uniform in [−noise, noise], v_c the circular speed (v_c² = gm·|r|² / (|r|² + soft²)^{3/2}). With noise ≤ 0.3
/// every state is bound (|v|² ≤ 1.78 v_c² &lt; the escape speed², at least 2 v_c²). Then the state is moved along its
/// orbit for a uniform time in [0, phase·T), T = 2π|r|/v_c the circular period (RK4, steps of 0.02): the orbits' states
/// from peri- to apocentre, not only those in the shell, so rollouts from them stay where the data are.
/// </remarks>
public sealed record KeplerField : IPhaseSpaceField
{
    static readonly FieldParameter GmParameter = FieldParameter.Number("gm", 1, NumberRange.Positive, "G times the total mass");
    static readonly FieldParameter SoftParameter = FieldParameter.Number("soft", 0.1, NumberRange.NonNegative, "softening length of the potential");
    static readonly FieldParameter RminParameter = FieldParameter.Number("rmin", 1, NumberRange.Positive, "smallest |r| of a drawn state");
    static readonly FieldParameter RmaxParameter = FieldParameter.Number("rmax", 2, NumberRange.Positive, "largest |r| of a drawn state (> rmin)");
    static readonly FieldParameter NoiseParameter = FieldParameter.Number("noise", 0.1,
        new NumberRange(v => v is >= 0 and <= 0.3, "a number in [0, 0.3] (every drawn orbit bound)"), "relative spread of the velocity around circular");
    static readonly FieldParameter PhaseParameter = FieldParameter.Number("phase", 1, NumberRange.UnitInterval,
        "how far along its orbit a drawn state is moved: a uniform time in [0, phase T), T the circular period at its radius");

    // The step of the RK4 that moves a drawn state along its orbit: 0.02 of a time unit (a period at |r| = 1 is 2π).
    const double PhaseStep = 0.02;

    internal static readonly VectorFieldDescription Description = new("kepler", 6, "(v, -gm r / (|r|^2 + soft^2)^(3/2)) on states (r, v)",
        "The two-body problem in relative coordinates on phase space (r, v), 6-D, turned as two vectors: use with 'train --task flow'; " +
        "states are bound near-circular orbits with rmin <= |r| <= rmax, and a training region selects by r.",
        [GmParameter, SoftParameter, RminParameter, RmaxParameter, NoiseParameter, PhaseParameter], Invariance.So3, null,
        n => n("rmin") < n("rmax") ? new KeplerField(n("gm"), n("soft"), n("rmin"), n("rmax"), n("noise"), n("phase"))
            : throw new FieldSpecException($"field 'kepler': rmin={SpecText.Number(n("rmin"))} must be below rmax={SpecText.Number(n("rmax"))}"));

    /// <summary>The field with the given parameters; throws <see cref="ArgumentOutOfRangeException"/> for invalid ones.</summary>
    public KeplerField(double gm = 1, double soft = 0.1, double rmin = 1, double rmax = 2, double noise = 0.1, double phase = 1)
    {
        Gm = GmParameter.Check(gm);
        Soft = SoftParameter.Check(soft);
        Rmin = RminParameter.Check(rmin);
        Rmax = RmaxParameter.Check(rmax);
        Noise = NoiseParameter.Check(noise);
        Phase = PhaseParameter.Check(phase);
        if (!(rmin < rmax)) throw new ArgumentOutOfRangeException(nameof(rmax), rmax, $"rmax must exceed rmin {rmin}");
        ConservedQuantities = [new("energy", 1, (s, e) => e[0] = Energy(s)), new("angular_momentum", 3, AngularMomentum)];
    }

    /// <summary>G times the total mass.</summary>
    public double Gm { get; }
    /// <summary>The softening length.</summary>
    public double Soft { get; }
    /// <summary>Smallest |r| of a drawn state.</summary>
    public double Rmin { get; }
    /// <summary>Largest |r| of a drawn state.</summary>
    public double Rmax { get; }
    /// <summary>Relative spread of a drawn velocity around the circular one.</summary>
    public double Noise { get; }
    /// <summary>How far along its orbit a drawn state is moved, as a fraction of the circular period at its radius.</summary>
    public double Phase { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 6;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("gm", Gm), SpecText.Of("soft", Soft), SpecText.Of("rmin", Rmin), SpecText.Of("rmax", Rmax), SpecText.Of("noise", Noise), SpecText.Of("phase", Phase));
    /// <inheritdoc/>
    public string Formula => $"(v, -{SpecText.Number(Gm)} r / (|r|^2 + {SpecText.Number(Soft)}^2)^(3/2))";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> EquivariantUnder => Invariance.So3;
    /// <inheritdoc/>
    public GroupRepresentation PointRepresentation { get; } = GroupRepresentation.DirectSum(2, 0, 3);
    /// <inheritdoc/>
    public string StatesDescription => $"bound orbits: |r| uniform in [{SpecText.Number(Rmin)}, {SpecText.Number(Rmax)}], v circular within {SpecText.Number(Noise)}"
        + (Phase > 0 ? $", moved along the orbit for up to {SpecText.Number(Phase)} period" : "");
    /// <inheritdoc/>
    public double PositionExtent => Rmax;
    /// <inheritdoc/>
    public IReadOnlyList<ConservedQuantity> ConservedQuantities { get; }

    /// <inheritdoc/>
    public void Evaluate(ReadOnlySpan<double> point, Span<double> value)
    {
        FieldPoint.Require(point, 6, Name);
        double s2 = point[0] * point[0] + point[1] * point[1] + point[2] * point[2] + Soft * Soft;
        double a = -Gm / (s2 * Math.Sqrt(s2));
        for (int i = 0; i < 3; i++)
        {
            value[i] = point[3 + i];
            value[3 + i] = a * point[i];
        }
    }

    /// <summary>E = |v|²/2 − gm / sqrt(|r|² + soft²).</summary>
    public double Energy(ReadOnlySpan<double> state)
    {
        double r2 = state[0] * state[0] + state[1] * state[1] + state[2] * state[2];
        double v2 = state[3] * state[3] + state[4] * state[4] + state[5] * state[5];
        return 0.5 * v2 - Gm / Math.Sqrt(r2 + Soft * Soft);
    }

    /// <summary>L = r × v.</summary>
    public static void AngularMomentum(ReadOnlySpan<double> state, Span<double> l)
    {
        l[0] = state[1] * state[5] - state[2] * state[4];
        l[1] = state[2] * state[3] - state[0] * state[5];
        l[2] = state[0] * state[4] - state[1] * state[3];
    }

    /// <summary>The speed of a circular orbit of radius <paramref name="radius"/>: v_c² = gm·R² / (R² + soft²)^{3/2}.</summary>
    public double CircularSpeed(double radius)
    {
        double s2 = radius * radius + Soft * Soft;
        return radius * Math.Sqrt(Gm / (s2 * Math.Sqrt(s2)));
    }

    /// <inheritdoc/>
    public void SampleState(RandomStream stream, Span<double> state)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (state.Length != 6) throw new ArgumentException($"a state of {Name} has 6 values, got {state.Length}", nameof(state));
        // Seven draws per state, in this order: the direction (z, then the azimuth), |r|, the tangent's angle, δ₁, δ₂, the time.
        double z = 2 * stream.NextDouble() - 1, phi = 2 * Math.PI * stream.NextDouble();
        double radius = Rmin + (Rmax - Rmin) * stream.NextDouble();
        double psi = 2 * Math.PI * stream.NextDouble();
        double d1 = Noise * (2 * stream.NextDouble() - 1), d2 = Noise * (2 * stream.NextDouble() - 1);
        double time = Phase * 2 * Math.PI * radius / CircularSpeed(radius) * stream.NextDouble();
        double rho = Math.Sqrt(Math.Max(0, 1 - z * z));
        Span<double> u = [rho * CrMath.Cos(phi), rho * CrMath.Sin(phi), z];
        // e1 ⟂ u from the axis u is farthest from, e2 = u × e1: t = cos ψ e1 + sin ψ e2 is uniform on the tangent circle.
        Span<double> axis = Math.Abs(u[2]) < 0.9 ? [0, 0, 1] : [1, 0, 0];
        Span<double> e1 = [axis[1] * u[2] - axis[2] * u[1], axis[2] * u[0] - axis[0] * u[2], axis[0] * u[1] - axis[1] * u[0]];
        double n1 = Math.Sqrt(e1[0] * e1[0] + e1[1] * e1[1] + e1[2] * e1[2]);
        for (int i = 0; i < 3; i++) e1[i] /= n1;
        Span<double> e2 = [u[1] * e1[2] - u[2] * e1[1], u[2] * e1[0] - u[0] * e1[2], u[0] * e1[1] - u[1] * e1[0]];
        double c = CrMath.Cos(psi), s = CrMath.Sin(psi), vc = CircularSpeed(radius);
        for (int i = 0; i < 3; i++)
        {
            state[i] = radius * u[i];
            state[3 + i] = vc * ((1 + d1) * (c * e1[i] + s * e2[i]) + d2 * u[i]);
        }
        // Along the orbit, so the states fill the orbits' whole range of |r| (their peri- and apocentres beyond the shell):
        // the distribution is then nearly invariant under the flow, and a rollout from a drawn state stays among them.
        if (time > 0) new FlowIntegrator(this, time, (int)Math.Ceiling(time / PhaseStep)).Step(state, state);
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}

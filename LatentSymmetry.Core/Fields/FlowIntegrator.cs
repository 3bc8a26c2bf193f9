namespace LatentSymmetry.Core.Fields;

/// <summary>
/// The truth of a flow task: Φ_dt(x), the point a vector field F carries x to in time dt (dx/dt = F(x)), integrated in
/// float64 with classical fourth-order Runge–Kutta over equal substeps.
/// </summary>
/// <remarks>
/// RK4's error per unit time is O(h⁴) for a smooth F: with the default 16 substeps of a dt of 0.1 the step's error is
/// about (0.1/16)⁴ ≈ 1.5e-9 times the field's fourth derivatives, far below what a float32 network resolves.
/// </remarks>
public sealed class FlowIntegrator
{
    /// <summary>The substeps of one step by default.</summary>
    public const int DefaultSubsteps = 16;

    /// <summary>An integrator of <paramref name="field"/> over steps of <paramref name="dt"/> (finite, &gt; 0), each in <paramref name="substeps"/> RK4 substeps.</summary>
    public FlowIntegrator(IVectorField field, double dt, int substeps = DefaultSubsteps)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (!(dt > 0) || !double.IsFinite(dt)) throw new ArgumentOutOfRangeException(nameof(dt), dt, "the time step must be finite and positive");
        ArgumentOutOfRangeException.ThrowIfLessThan(substeps, 1);
        Field = field;
        Dt = dt;
        Substeps = substeps;
    }

    /// <summary>The vector field.</summary>
    public IVectorField Field { get; }

    /// <summary>The time of one step.</summary>
    public double Dt { get; }

    /// <summary>RK4 substeps per step.</summary>
    public int Substeps { get; }

    /// <summary>Writes Φ_dt(<paramref name="point"/>) into <paramref name="next"/> (may be the same span). Thread-safe: its scratch is on the stack.</summary>
    public void Step(ReadOnlySpan<double> point, Span<double> next)
    {
        int d = Field.Dimension;
        if (point.Length != d || next.Length != d) throw new ArgumentException($"a point of {Field.Name} has {d} coordinates");
        Span<double> scratch = stackalloc double[6 * d];
        Span<double> x = scratch[..d], _k1 = scratch.Slice(d, d), _k2 = scratch.Slice(2 * d, d), _k3 = scratch.Slice(3 * d, d), _k4 = scratch.Slice(4 * d, d), _tmp = scratch.Slice(5 * d, d);
        point.CopyTo(x);
        double h = Dt / Substeps;
        for (int s = 0; s < Substeps; s++)
        {
            Field.Evaluate(x, _k1);
            for (int i = 0; i < d; i++) _tmp[i] = x[i] + 0.5 * h * _k1[i];
            Field.Evaluate(_tmp, _k2);
            for (int i = 0; i < d; i++) _tmp[i] = x[i] + 0.5 * h * _k2[i];
            Field.Evaluate(_tmp, _k3);
            for (int i = 0; i < d; i++) _tmp[i] = x[i] + h * _k3[i];
            Field.Evaluate(_tmp, _k4);
            for (int i = 0; i < d; i++) x[i] += h / 6 * (_k1[i] + 2 * _k2[i] + 2 * _k3[i] + _k4[i]);
        }
        x.CopyTo(next);
    }

    /// <summary>
    /// The true trajectories of the rows of <paramref name="starts"/> ([N·d]) over <paramref name="horizon"/> steps:
    /// <paramref name="trajectory"/> ([(H+1)·N·d]) holds block t = x_t of every start, t = 0..H.
    /// </summary>
    public void Trajectories(ReadOnlySpan<double> starts, int horizon, Span<double> trajectory)
    {
        int d = Field.Dimension, n = starts.Length / d;
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        if (starts.Length != n * d || trajectory.Length != (horizon + 1) * n * d)
            throw new ArgumentException($"{starts.Length} start coordinates and {trajectory.Length} trajectory values are not {horizon + 1} blocks of {d}-D points");
        starts.CopyTo(trajectory);
        for (int t = 1; t <= horizon; t++)
            for (int r = 0; r < n; r++)
                Step(trajectory.Slice(((t - 1) * n + r) * d, d), trajectory.Slice((t * n + r) * d, d));
    }
}

using System.Globalization;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Fields;

/// <summary>
/// The step of a flow as a vector field, D(x) = Φ_dt(x) − x (<c>flow:dt=DT,field=(VECTORFIELD)</c>): the target of the
/// flow task, where a model learns the displacement of one step of dx/dt = F(x) and is rolled out as x + m(x). Φ is
/// integrated in float64 by <see cref="FlowIntegrator"/>; the step of a field equivariant under a group is equivariant
/// under it, since the flow of an equivariant field commutes with the group and RK4 keeps that exactly in exact arithmetic.
/// </summary>
public sealed record FlowStepField : IVectorField
{
    internal static readonly VectorFieldDescription Description = new("flow", 0, "Phi_dt(x) - x",
        "One step of the flow of a vector field (flow:dt=DT,field=(F)), the target of 'train --task flow': equivariant wherever F is.", [], [],
        "the groups F is equivariant under", _ => throw new InvalidOperationException("flow takes a field spec"));

    readonly FlowIntegrator _integrator;

    /// <summary>The step of <paramref name="field"/>'s flow over <paramref name="dt"/> (finite, &gt; 0) in <paramref name="substeps"/> RK4 substeps.</summary>
    public FlowStepField(IVectorField field, double dt, int substeps = FlowIntegrator.DefaultSubsteps)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field is FlowStepField) throw new ArgumentException("the flow of a flow's step is not a flow task", nameof(field));
        _integrator = new FlowIntegrator(field, dt, substeps);
    }

    /// <summary>The vector field F whose flow this steps.</summary>
    public IVectorField Field => _integrator.Field;

    /// <summary>The time of one step.</summary>
    public double Dt => _integrator.Dt;

    /// <summary>RK4 substeps per step.</summary>
    public int Substeps => _integrator.Substeps;

    /// <summary>The integrator of the truth.</summary>
    public FlowIntegrator Integrator => _integrator;

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => Field.Dimension;
    /// <inheritdoc/>
    public string Spec => string.Create(CultureInfo.InvariantCulture, $"flow:dt={Dt:R},substeps={Substeps},field=({Field.Spec})");
    /// <inheritdoc/>
    public string Formula => string.Create(CultureInfo.InvariantCulture, $"Phi_{Dt:R}(x) - x under dx/dt = {Field.Formula}");
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> EquivariantUnder => Field.EquivariantUnder;
    /// <inheritdoc/>
    public GroupRepresentation PointRepresentation => Field.PointRepresentation;

    /// <inheritdoc/>
    public void Evaluate(ReadOnlySpan<double> point, Span<double> value)
    {
        FieldPoint.Require(point, Dimension, Spec);
        _integrator.Step(point, value);
        for (int i = 0; i < value.Length; i++) value[i] -= point[i];
    }

    /// <summary>Parses the part after <c>flow:</c>: <c>dt=DT[,substeps=S],field=(SPEC)</c>.</summary>
    internal static FlowStepField Parse(string rest)
    {
        const string Marker = "field=(";
        int at = rest.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0 || SpecSyntax.MatchingParenthesis(rest, at + Marker.Length - 1) != rest.Length - 1)
            throw new FieldSpecException("flow needs its field last, in parentheses: flow:dt=0.1,field=(central-force)");
        double? dt = null;
        int substeps = FlowIntegrator.DefaultSubsteps;
        foreach (var part in rest[..at].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            string key = eq < 0 ? part : part[..eq].Trim(), text = eq < 0 ? "" : part[(eq + 1)..].Trim();
            if (key == "dt" && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && double.IsFinite(v)) dt = v;
            else if (key == "substeps" && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int s) && s is >= 1 and <= 10_000) substeps = s;
            else throw new FieldSpecException($"flow: '{part}' is not valid; give dt=DT (finite, > 0) and optionally substeps=S (1..10000)");
        }
        if (dt is null) throw new FieldSpecException("flow needs dt=DT (finite, > 0)");
        var inner = VectorFieldCatalog.Parse(rest[(at + Marker.Length)..^1]);
        if (inner is FlowStepField) throw new FieldSpecException("flow: the field of a flow cannot be a flow");
        return new FlowStepField(inner, dt.Value, substeps);
    }

    /// <summary>Equal when the specs are: the same field, step and substeps.</summary>
    public bool Equals(FlowStepField? other) => other is not null && other.Spec == Spec;

    /// <inheritdoc/>
    public override int GetHashCode() => Spec.GetHashCode(StringComparison.Ordinal);

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}

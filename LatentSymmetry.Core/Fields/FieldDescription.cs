using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>A catalogue entry: what <c>latsym fields</c> prints for one field name.</summary>
public sealed class FieldDescription
{
    readonly Func<FieldArguments, IScalarField> _create;

    internal FieldDescription(string name, int? dimension, string formula, string summary, IReadOnlyList<FieldParameter> parameters,
        IReadOnlyList<SymmetryGroup> invariantUnder, string? invarianceNote, Func<FieldArguments, IScalarField> create)
    {
        Name = name;
        Dimension = dimension;
        Formula = formula;
        Summary = summary;
        Parameters = parameters;
        InvariantUnder = invariantUnder;
        InvarianceNote = invarianceNote;
        _create = create;
    }

    /// <summary>The name a spec starts with, e.g. <c>gaussian-ring</c>.</summary>
    public string Name { get; }

    /// <summary>2 or 3; null for <c>mix</c>, which takes the dimension of its two parts.</summary>
    public int? Dimension { get; }

    /// <summary>The formula in terms of the parameter names (r = |(x, y)|, theta = atan2(y, x) on the disk; R = |(x, y, z)| in 3-D).</summary>
    public string Formula { get; }

    /// <summary>One sentence on what the field is for.</summary>
    public string Summary { get; }

    /// <summary>The parameters in spec order, with their defaults.</summary>
    public IReadOnlyList<FieldParameter> Parameters { get; }

    /// <summary>The groups the field with its default parameters is invariant under.</summary>
    public IReadOnlyList<SymmetryGroup> InvariantUnder { get; }

    /// <summary>When invariance depends on the parameters, how (e.g. <c>so2 when k = 0</c>); otherwise null.</summary>
    public string? InvarianceNote { get; }

    /// <summary>The canonical spec of the field with every parameter at its default.</summary>
    public string DefaultSpec => FieldCatalog.Parse(Name).Spec;

    internal IScalarField Create(FieldArguments arguments) => _create(arguments);
}

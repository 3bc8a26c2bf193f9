using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>A catalogue entry of a vector field: what <c>latsym fields</c> prints for it.</summary>
public sealed class VectorFieldDescription
{
    readonly Func<Func<string, double>, IVectorField> _create;

    internal VectorFieldDescription(string name, int dimension, string formula, string summary, IReadOnlyList<FieldParameter> parameters,
        IReadOnlyList<SymmetryGroup> equivariantUnder, string? equivarianceNote, Func<Func<string, double>, IVectorField> create)
    {
        Name = name;
        Dimension = dimension;
        Formula = formula;
        Summary = summary;
        Parameters = parameters;
        EquivariantUnder = equivariantUnder;
        EquivarianceNote = equivarianceNote;
        _create = create;
    }

    /// <summary>The name a spec starts with, e.g. <c>central-force</c>.</summary>
    public string Name { get; }

    /// <summary>2 or 3 (for <c>grad</c>, the dimension of its field; 0 here).</summary>
    public int Dimension { get; }

    /// <summary>The formula in terms of the parameter names.</summary>
    public string Formula { get; }

    /// <summary>One sentence on what the field is for.</summary>
    public string Summary { get; }

    /// <summary>The number parameters in spec order, with their defaults (<c>grad</c> takes a scalar spec instead).</summary>
    public IReadOnlyList<FieldParameter> Parameters { get; }

    /// <summary>The groups the field with its default parameters is equivariant under.</summary>
    public IReadOnlyList<SymmetryGroup> EquivariantUnder { get; }

    /// <summary>When equivariance depends on the parameters, how; otherwise null.</summary>
    public string? EquivarianceNote { get; }

    internal IVectorField Create(Func<string, double> number) => _create(number);
}

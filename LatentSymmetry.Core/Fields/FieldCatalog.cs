namespace LatentSymmetry.Core.Fields;

/// <summary>
/// Every scalar field by name, and the parser of field specs.
/// </summary>
/// <remarks>
/// <para>A spec is <c>name</c> or <c>name:param=value,param=value</c>; unnamed parameters take their
/// defaults, and <see cref="IScalarField.Spec"/> writes every one out. Numbers are invariant-culture
/// (<c>0.08</c>, <c>1e-3</c>); a list of numbers is separated by <c>;</c> (<c>multi-ring:centers=0.2;0.5;0.8</c>).</para>
/// <para>A field-valued parameter (the <c>a</c> and <c>b</c> of <c>mix</c>) is a whole spec in parentheses,
/// so its commas stay its own and mixes nest:
/// <c>mix:alpha=0.3,a=(bessel-j0:scale=10),b=(radial-angular:k=2)</c> or
/// <c>mix:alpha=0.5,a=(mix:alpha=0.2,a=(radius),b=(x)),b=(vortex)</c>. A bare name without parameters needs
/// no parentheses (<c>mix:a=radius,b=x</c>).</para>
/// <para>3-D fields take (x, y, z); disk fields take (x, y) with r = sqrt(x² + y²) and theta = atan2(y, x).
/// The disk fields and their defaults are those of the original project's later versions
/// (canisli/latent-symmetry, <c>src/tasks/so2_regression.py</c>).</para>
/// </remarks>
public static class FieldCatalog
{
    static readonly FieldDescription[] s_all =
    [
        RadialField.Description,
        BrokenRadialField.Description,
        LinearField.Description,
        CylinderField.Description,
        ChangingField.Description,
        RadiusField.Description,
        RadiusPowerField.Description,
        RadiusOffsetField.Description,
        RadialSineField.Description,
        MultiRingField.Description,
        RadialStepField.Description,
        BesselJ0Field.Description,
        RadialGaborField.Description,
        GaussianRingField.Description,
        XField.Description,
        YField.Description,
        QuadrantField.Description,
        SpiralField.Description,
        RadialAngularField.Description,
        FourierField.Description,
        DipoleField.Description,
        VortexField.Description,
        MixField.Description,
    ];

    /// <summary>Every field: 3-D first, then the disk's invariant ones, its non-invariant ones, and <c>mix</c>.</summary>
    public static IReadOnlyList<FieldDescription> All => s_all;

    /// <summary>
    /// The field a spec names, e.g. <c>gaussian-ring:std=0.1</c> or
    /// <c>mix:alpha=0.3,a=(bessel-j0:scale=10),b=(radial-angular:k=2)</c> (see the remarks for the syntax).
    /// </summary>
    /// <exception cref="FieldSpecException">An unknown name or parameter, unbalanced parentheses, a value that
    /// is not a number or is out of range, or a mix of two dimensions; the message is one line.</exception>
    public static IScalarField Parse(string spec) => SpecSyntax.Parse(spec);

    /// <summary>The default field of a dimension: <c>radial</c> in 3-D, <c>gaussian-ring</c> on the disk.</summary>
    public static IScalarField Default(int dimension) => dimension switch
    {
        3 => Parse("radial"),
        2 => Parse("gaussian-ring"),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "fields are 2-D (the disk) or 3-D."),
    };

    internal static FieldDescription? Find(string name) => Array.Find(s_all, d => d.Name == name);
}

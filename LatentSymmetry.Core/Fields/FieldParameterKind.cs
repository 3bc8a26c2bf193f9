namespace LatentSymmetry.Core.Fields;

/// <summary>What a field parameter's value is written as.</summary>
public enum FieldParameterKind
{
    /// <summary>A finite number, e.g. <c>0.08</c> or <c>1e-3</c>.</summary>
    Number,

    /// <summary>A whole number, e.g. <c>2</c>.</summary>
    Integer,

    /// <summary>Finite numbers separated by <c>;</c>, e.g. <c>0.3;0.7</c>.</summary>
    NumberList,

    /// <summary>Another field's spec in parentheses, e.g. <c>(fourier:k=3)</c>; a bare name without parameters may omit them.</summary>
    Field,
}

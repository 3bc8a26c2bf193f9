namespace LatentSymmetry.Core.Fields;

/// <summary>The dimension check every field's <see cref="IScalarField.Evaluate"/> makes.</summary>
internal static class FieldPoint
{
    public static void Require(ReadOnlySpan<double> point, int dimension, string field)
    {
        if (point.Length != dimension)
            throw new ArgumentException($"field '{field}' takes {dimension}-D points; this one has {point.Length} coordinates.", nameof(point));
    }
}

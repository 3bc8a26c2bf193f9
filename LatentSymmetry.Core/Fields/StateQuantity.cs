namespace LatentSymmetry.Core.Fields;

/// <summary>Writes a quantity of one state into <paramref name="value"/> (its width values), e.g. a <see cref="ConservedQuantity"/>.</summary>
public delegate void StateQuantity(ReadOnlySpan<double> state, Span<double> value);

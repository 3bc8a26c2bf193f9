namespace LatentSymmetry.Core.Fields;

/// <summary>
/// A field spec that cannot be parsed or whose values are out of range; the message is one line naming the
/// field, the parameter and the value, and what would be valid.
/// </summary>
public sealed class FieldSpecException : FormatException
{
    /// <summary>Creates the exception with its one-line message.</summary>
    public FieldSpecException(string message) : base(message) { }
}

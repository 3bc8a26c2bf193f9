namespace LatentSymmetry.Core.Data;

/// <summary>
/// A sample file that cannot be read, is malformed, or no longer is the one a run recorded; the message is one line
/// naming the file and, for a malformed row, the line and the column.
/// </summary>
public sealed class SampleFileException(string message, Exception? inner = null) : FormatException(message, inner);

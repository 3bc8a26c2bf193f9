namespace LatentSymmetry.Core.Evaluation;

/// <summary>A run directory that cannot be evaluated (missing, corrupt or inconsistent files); the message is one line naming the file and the problem.</summary>
public sealed class RunDirectoryException(string message, Exception? inner = null) : Exception(message, inner);

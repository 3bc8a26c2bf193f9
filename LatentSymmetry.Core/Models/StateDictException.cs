namespace LatentSymmetry.Core.Models;

/// <summary>A state dict does not fit a model: a tensor is missing, unexpected or of another shape (the message is one line naming it).</summary>
public sealed class StateDictException(string message) : Exception(message);

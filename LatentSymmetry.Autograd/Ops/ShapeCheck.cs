using System.Numerics;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>The shape checks every operation starts with; messages name the operation and both shapes.</summary>
internal static class ShapeCheck
{
    public static void Same<T>(string op, Variable<T> a, Variable<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Rows != b.Rows || a.Cols != b.Cols)
            throw new ArgumentException($"{op}: shapes must match, got {a.Shape} and {b.Shape}");
    }
}
